package io.contactdetails.command.infrastructure;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import static org.axonframework.common.BuilderUtils.assertNonNull;

/**
 * Takes an aggregate's snapshot from its repository, not from its events. Axon's {@code AggregateSnapshotter} sources
 * the aggregate again, from its last snapshot and the events after it, every time: for an account with hundreds of
 * details that is a large snapshot read back and deserialized every few dozen commands. The account repository keeps
 * accounts in memory and trusts a kept one only while its stream has nothing newer ({@link StreamCheckedCachingRepository}),
 * so loading it there costs one index lookup. An aggregate the repository does not keep is sourced by it as for a
 * command.
 * <p>
 * The aggregate is serialized, with the store's snapshot serializer, while the load holds its lock (no command
 * changes it meanwhile), and stored after the lock is released: commands on that account wait for the copy only,
 * not for the store.
 * <p>
 * A snapshot is scheduled once the write that triggered it is in the store for good ({@link AfterCommit}): for a
 * request with an Idempotency-Key that is when the request's transaction commits, not its unit of work, which
 * would find the kept account ahead of the store and read it again. From there Axon's scheduling is kept: at most
 * one snapshot of an aggregate in progress, in a transaction of its own on the executor, a failure logged and not
 * rethrown.
 */
public final class RepositorySnapshotter extends AbstractSnapshotter {
    private final RepositoryProvider repositories;
    private final Serializer snapshotSerializer;

    private RepositorySnapshotter(AbstractSnapshotter.Builder builder, RepositoryProvider repositories,
                                  Serializer snapshotSerializer) {
        super(builder);
        this.repositories = repositories;
        this.snapshotSerializer = snapshotSerializer;
    }

    /**
     * {@code snapshotSerializer} must be the one {@code eventStore} stores snapshots with: then it stores the copy's
     * bytes as they are (given another, it would deserialize the copy and serialize it again).
     */
    public static RepositorySnapshotter of(RepositoryProvider repositories, EventStore eventStore,
                                           Serializer snapshotSerializer, TransactionManager transactionManager,
                                           Executor executor) {
        assertNonNull(repositories, "The repositories to take aggregates from are required");
        assertNonNull(snapshotSerializer, "The serializer of the snapshots is required");
        return new RepositorySnapshotter(new Builder().eventStore(eventStore).transactionManager(transactionManager)
                .executor(executor), repositories, snapshotSerializer);
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
        AfterCommit.run(() -> super.scheduleSnapshot(aggregateType, aggregateIdentifier));
    }

    @Override
    protected Runnable createSnapshotterTask(Class<?> aggregateType, String aggregateIdentifier) {
        return () -> {
            AtomicReference<DomainEventMessage<?>> snapshot = new AtomicReference<>();
            DefaultUnitOfWork.startAndGet(null).execute(() ->
                    snapshot.set(copy(repositories.repositoryFor(aggregateType).load(aggregateIdentifier))));
            // a snapshot of the first event alone would save no reading
            if (snapshot.get().getSequenceNumber() > 0) {
                getEventStore().storeSnapshot(snapshot.get());
            }
        };
    }

    private DomainEventMessage<?> copy(Aggregate<?> aggregate) {
        Object root = aggregate.invoke(it -> it);
        SerializedMessage<?> copy = new SerializedMessage<>(IdentifierFactory.getInstance().generateIdentifier(),
                snapshotSerializer.serialize(root, byte[].class),
                snapshotSerializer.serialize(MetaData.emptyInstance(), byte[].class), snapshotSerializer);
        return new GenericDomainEventMessage<>(aggregate.type(), aggregate.identifierAsString(), aggregate.version(),
                copy, GenericEventMessage.clock.instant());
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
