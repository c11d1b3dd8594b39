package io.contactdetails.command.infrastructure;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.RepositoryProvider;

import java.util.concurrent.Executor;

import static org.axonframework.common.BuilderUtils.assertNonNull;

/**
 * Takes an aggregate's snapshot from its repository, not from its events. Axon's {@code AggregateSnapshotter} sources
 * the aggregate again, from its last snapshot and the events after it, every time: for an account with hundreds of
 * details that is a large snapshot read back and deserialized every few dozen commands. The account repository keeps
 * accounts in memory and trusts a kept one only while its stream has nothing newer ({@link StreamCheckedCachingRepository}),
 * so loading it there costs one index lookup; the snapshot is stored while the load holds the aggregate's lock, so no
 * command changes the aggregate while it is serialized. An aggregate the repository does not keep is sourced by it as
 * for a command.
 * <p>
 * Axon's scheduling is kept: after the triggering command's unit of work commits (inside a request's own transaction,
 * before that transaction does: the stream check then finds the kept account ahead of the store and reads it again),
 * at most one snapshot of an aggregate in progress, in a transaction of its own on the executor, a failure logged and
 * not rethrown. The lock is held while the snapshot is serialized and stored: commands on that account wait that long,
 * once every threshold of its events.
 */
public final class RepositorySnapshotter extends AbstractSnapshotter {
    private final RepositoryProvider repositories;

    private RepositorySnapshotter(AbstractSnapshotter.Builder builder, RepositoryProvider repositories) {
        super(builder);
        this.repositories = repositories;
    }

    public static RepositorySnapshotter of(RepositoryProvider repositories, EventStore eventStore,
                                           TransactionManager transactionManager, Executor executor) {
        assertNonNull(repositories, "The repositories to take aggregates from are required");
        return new RepositorySnapshotter(new Builder().eventStore(eventStore).transactionManager(transactionManager)
                .executor(executor), repositories);
    }

    @Override
    protected Runnable createSnapshotterTask(Class<?> aggregateType, String aggregateIdentifier) {
        return () -> DefaultUnitOfWork.startAndGet(null).execute(() -> {
            Aggregate<?> aggregate = repositories.repositoryFor(aggregateType).load(aggregateIdentifier);
            if (!aggregate.isDeleted()) {
                getEventStore().storeSnapshot(new GenericDomainEventMessage<>(aggregate.type(),
                        aggregate.identifierAsString(), aggregate.version(), aggregate.invoke(root -> root)));
            }
        });
    }

    /** Not called: {@link #createSnapshotterTask} replaces the task that would read the events and call this. */
    @Override
    protected DomainEventMessage<?> createSnapshot(Class<?> aggregateType, String aggregateIdentifier,
                                                   DomainEventStream eventStream) {
        throw new UnsupportedOperationException("Snapshots are taken from the aggregate's repository");
    }

    private static final class Builder extends AbstractSnapshotter.Builder {
    }
}
