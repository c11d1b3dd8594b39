package io.contactdetails.standalone;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two segments' batches on two threads, as the read-model processor runs them: the stand-in's file is written only
 * while neither is midway. A batch here is midway from its first event's handler until its prepare-commit, where
 * the processor stores its token: a file written in between would hold its writes without its token.
 */
class FileWritesBetweenBatchesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Batches of two events are smaller than this: each is followed by a file write. */
    private static final int BATCH_SIZE = 1_000;

    private final AtomicInteger midway = new AtomicInteger();
    /** How many batches were midway at each file write. */
    private final List<Integer> midwayAtWrites = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void stopThreads() throws InterruptedException {
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(WAIT.toMillis());
        }
    }

    @Test
    void aBatchEndingWhileAnotherSegmentsIsMidwayWritesTheFileOnceThatOneEnds() throws Exception {
        FileWritesBetweenBatches between = between(() -> midwayAtWrites.add(midway.get()));
        CountDownLatch firstMidway = new CountDownLatch(1);
        CountDownLatch letFirstEnd = new CountDownLatch(1);
        Thread first = batch(between, firstMidway, letFirstEnd);
        assertThat(firstMidway.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Thread second = batch(between, new CountDownLatch(1), new CountDownLatch(0));
        second.join(300);
        assertThat(midwayAtWrites).as("no file write while the first batch is midway").isEmpty();

        letFirstEnd.countDown();
        first.join(WAIT.toMillis());
        second.join(WAIT.toMillis());
        assertThat(midwayAtWrites).as("one write after each batch, none midway").containsExactly(0, 0);
    }

    @Test
    void aBatchBeginsOnlyOnceTheFileBeingWrittenIsWritten() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch letWriteEnd = new CountDownLatch(1);
        FileWritesBetweenBatches between = between(() -> {
            midwayAtWrites.add(midway.get());
            writing.countDown();
            await(letWriteEnd);
            midwayAtWrites.add(midway.get());
        });
        Thread writer = new Thread(between::writeFile, "file-writer");
        threads.add(writer);
        writer.start();
        assertThat(writing.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        CountDownLatch began = new CountDownLatch(1);
        Thread batch = batch(between, began, new CountDownLatch(0));
        assertThat(began.await(300, TimeUnit.MILLISECONDS)).as("the batch began during the write").isFalse();

        letWriteEnd.countDown();
        assertThat(began.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        batch.join(WAIT.toMillis());
        assertThat(midwayAtWrites).as("the write, then the batch's own, each at its start and end").containsExactly(0, 0, 0, 0);
    }

    @Test
    void aBatchThatFailsWritesNoFileAndHoldsNoLaterWriteBack() throws Exception {
        FileWritesBetweenBatches between = between(() -> midwayAtWrites.add(midway.get()));
        BatchingUnitOfWork<EventMessage<?>> failing = new BatchingUnitOfWork<>(events());
        failing.executeWithResult(() -> between.handle(failing, () -> {
            throw new IllegalStateException("a handler fails");
        }));
        assertThat(failing.isRolledBack()).isTrue();
        assertThat(midwayAtWrites).as("nothing written after a batch rolled back").isEmpty();

        Thread writer = new Thread(between::writeFile, "file-writer");
        writer.start();
        writer.join(WAIT.toMillis());
        assertThat(midwayAtWrites).as("a write after the failed batch").containsExactly(0);
    }

    private static FileWritesBetweenBatches between(Runnable writeFile) {
        return new FileWritesBetweenBatches(new FileWrites(BATCH_SIZE, Duration.ofSeconds(1), 0), writeFile);
    }

    /**
     * A batch of two events on a thread of its own: midway from its first event's handler (which counts
     * {@code began} down, then waits for {@code letEnd}) to its prepare-commit.
     */
    private Thread batch(FileWritesBetweenBatches between, CountDownLatch began, CountDownLatch letEnd) {
        Thread thread = new Thread(() -> {
            BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events());
            batch.executeWithResult(() -> between.handle(batch, () -> {
                if (batch.isFirstMessage()) {
                    midway.incrementAndGet();
                    batch.onPrepareCommit(storingToken -> midway.decrementAndGet());
                    began.countDown();
                    await(letEnd);
                }
                return null;
            }));
        }, "segment-batch");
        threads.add(thread);
        thread.start();
        return thread;
    }

    private static List<EventMessage<?>> events() {
        return List.of(GenericEventMessage.asEventMessage("one"), GenericEventMessage.asEventMessage("two"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
