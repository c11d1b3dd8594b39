package io.contactdetails.command.infrastructure;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Objects;

/**
 * Keeps aggregates in memory between commands, and trusts a kept one only while its stream has nothing newer.
 * <p>
 * Another command side on the same event store appends without this process knowing. Axon's caching repository
 * alone would decide on the stale aggregate, meet the event table's unique key and roll back; a command outside a
 * request's transaction is then retried, but one inside it (sent with an Idempotency-Key) is answered 409. Asking
 * the store for the stream's last sequence number (one lookup in the event table's index on aggregate and
 * sequence number, far cheaper than a snapshot and the events after it) and reloading when it differs from the
 * kept version spares those requests the conflict.
 * <p>
 * A kept aggregate must never be ahead of the store either: when the unit of work commits inside a request's
 * transaction that then rolls back, Axon has already kept the aggregate with the events that were never
 * written, so it is dropped when that transaction ends in anything but a commit.
 */
public final class StreamCheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {
    private final Cache cache;
    private final EventStore eventStore;

    private StreamCheckedCachingRepository(EventSourcingRepository.Builder<T> builder, Cache cache,
                                           EventStore eventStore) {
        super(builder.cache(cache).eventStore(eventStore));
        this.cache = cache;
        this.eventStore = eventStore;
    }

    /** {@code builder} configured but for its cache and event store, kept up to {@code maximumSize} aggregates. */
    public static <T> StreamCheckedCachingRepository<T> of(EventSourcingRepository.Builder<T> builder,
                                                           EventStore eventStore, long maximumSize) {
        return new StreamCheckedCachingRepository<>(builder, new BoundedCache(maximumSize), eventStore);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean kept = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (kept && !Objects.equals(aggregate.version(),
                eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null))) {
            cache.remove(aggregateIdentifier);
            aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }

    @Override
    protected void doSaveWithLock(EventSourcedAggregate<T> aggregate) {
        super.doSaveWithLock(aggregate);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            String identifier = aggregate.identifierAsString();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        cache.remove(identifier);
                    }
                }
            });
        }
    }
}
