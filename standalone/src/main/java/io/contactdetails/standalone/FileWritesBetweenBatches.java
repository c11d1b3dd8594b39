package io.contactdetails.standalone;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Writes the MongoDB stand-in's file after a batch of the read-model processor, once its token is stored, when
 * {@link FileWrites} says so, and only while no batch of any segment is midway: a file written then holds every
 * batch begun whole, writes and token, and no part of one, so a crash rewinds each segment's token together with
 * the writes it loses. A batch holds a shared lock from its first event until its unit of work is cleaned up; the
 * file is written under the exclusive one, after the writing batch has let go of its own (a batch of another
 * segment finishes first, and none begins meanwhile). What a segment's thread writes outside a batch (its claim,
 * a token past events of other segments) is one document replaced whole, in the file or not.
 */
final class FileWritesBetweenBatches implements MessageHandlerInterceptor<EventMessage<?>> {
    private final ReadWriteLock batches = new ReentrantReadWriteLock(true);
    private final FileWrites fileWrites;
    private final Runnable writeFile;

    FileWritesBetweenBatches(FileWrites fileWrites, Runnable writeFile) {
        this.fileWrites = fileWrites;
        this.writeFile = writeFile;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
            unitOfWork.afterCommit(committed -> writeFile());
        } else if (batch.isFirstMessage()) {
            batches.readLock().lock();
            unitOfWork.onCleanup(done -> {
                batches.readLock().unlock();
                if (!done.isRolledBack() && fileWrites.due(batch.getMessages().size(), System.nanoTime())) {
                    writeFile();
                }
            });
        }
        return chain.proceed();
    }

    /** Writes the file once no batch is midway; a batch about to begin waits for it. */
    void writeFile() {
        batches.writeLock().lock();
        try {
            writeFile.run();
        } finally {
            batches.writeLock().unlock();
        }
    }
}
