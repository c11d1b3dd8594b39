package io.contactdetails.http.resource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * States folded straight from the event store, each from its own stream: the write side answers a write
 * with the latest ones (the read model may not have seen the write yet, and the write side may run where
 * there is none), point-in-time reads ask for them as they were at an instant. The fold is the one the read
 * model is built with, so these agree with what a read shows once the read model has caught up.
 * <p>
 * The latest states are kept between requests and brought up to date from their last event on: an owner in a
 * write's answer costs what was appended since, not its whole stream. A state is kept only once the
 * transaction it was folded in (if any) has committed, so a kept state is the fold of events the store holds
 * for good (one folded inside a request's transaction that rolled back would name events the store never
 * kept, and another writer's could take their place). A write's answer ({@link #after}) does not read a
 * stream the write itself appended to when its events follow on from the kept state: another writer's events
 * in between would have taken those sequence numbers. The streams a fold must read are read together.
 */
public final class EventStoreStates implements ResourceStates {
    private final Kind<AccountState> accounts;
    private final Kind<ContactDetailState> contactDetails;

    private EventStoreStates(StreamReads reads, Instant until, long keptStates, Consumer<Runnable> whenCommitted) {
        this.accounts = new Kind<>(reads, until, keptStates, whenCommitted, AccountState::fold, AccountState::version);
        this.contactDetails = new Kind<>(reads, until, keptStates, whenCommitted, ContactDetailState::fold,
                ContactDetailState::version);
    }

    /**
     * The latest states, keeping up to {@code keptStates} of each kind between requests. {@code whenCommitted}
     * runs what it is given once the current transaction has committed (never, if it rolls back), or at once
     * outside one: a kept state is trusted as the store's own from then on, never checked against it again.
     */
    public static EventStoreStates latest(StreamReads reads, long keptStates, Consumer<Runnable> whenCommitted) {
        return new EventStoreStates(reads, Instant.MAX, keptStates, whenCommitted);
    }

    /** The states as they were at {@code instant}, each folded from its stream's start; none kept. */
    public static EventStoreStates asOf(StreamReads reads, Instant instant) {
        return new EventStoreStates(reads, instant, 0, Runnable::run);
    }

    @Override
    public Map<String, AccountState> accounts(Collection<String> uuids) {
        return accounts.fold(uuids, Map.of());
    }

    @Override
    public Map<String, ContactDetailState> contactDetails(Collection<String> uuids) {
        return contactDetails.fold(uuids, Map.of());
    }

    /**
     * The latest states just after a write that appended {@code written} (and committed, or will commit in the
     * current transaction): a stream it began, or whose kept state its events follow on from, is folded on with
     * them unread; any other is read as {@link #accounts} and {@link #contactDetails} read it. The write's events
     * carry their instants to the microsecond, the store's to the millisecond; what is rendered keeps seconds.
     */
    public ResourceStates after(Collection<? extends DomainEventMessage<?>> written) {
        Map<String, List<DomainEventMessage<?>>> byStream = new HashMap<>();
        written.forEach(event -> byStream.computeIfAbsent(event.getAggregateIdentifier(), stream -> new ArrayList<>())
                .add(event));
        return new ResourceStates() {
            @Override
            public Map<String, AccountState> accounts(Collection<String> uuids) {
                return accounts.fold(uuids, byStream);
            }

            @Override
            public Map<String, ContactDetailState> contactDetails(Collection<String> uuids) {
                return contactDetails.fold(uuids, byStream);
            }
        };
    }

    /** How a kind of state is folded onto an earlier one (null: from the stream's start), up to an instant. */
    private interface Fold<T> {
        Optional<T> fold(T from, Iterator<? extends DomainEventMessage<?>> events, Instant until);
    }

    /** One kind of state: how it is folded, and those kept between requests (none when not the latest). */
    private static final class Kind<T> {
        private final StreamReads reads;
        private final Instant until;
        private final Consumer<Runnable> whenCommitted;
        private final Fold<T> fold;
        private final ToLongFunction<T> version;
        private final Cache<String, T> kept;

        Kind(StreamReads reads, Instant until, long keptStates, Consumer<Runnable> whenCommitted, Fold<T> fold,
             ToLongFunction<T> version) {
            this.reads = reads;
            this.until = until;
            this.whenCommitted = whenCommitted;
            this.fold = fold;
            this.version = version;
            this.kept = keptStates > 0 ? Caffeine.newBuilder().maximumSize(keptStates).build() : null;
        }

        /**
         * {@code written}: a write's own events, by stream, in the order they were appended. Each state goes on from
         * the kept one (or none): with the write's own events when they are what follows it, else with what the
         * store holds after it, those streams read together. Kept states are committed ones, so what follows one by
         * number follows it in the store.
         */
        Map<String, T> fold(Collection<String> uuids, Map<String, List<DomainEventMessage<?>>> written) {
            Map<String, T> from = new HashMap<>();
            Map<String, Long> unread = new LinkedHashMap<>();
            for (String uuid : uuids) {
                T latest = kept == null ? null : kept.getIfPresent(uuid);
                if (latest != null) {
                    from.put(uuid, latest);
                }
                long next = latest == null ? 0 : version.applyAsLong(latest) + 1;
                if (!follows(written.getOrDefault(uuid, List.of()), next)) {
                    unread.put(uuid, next);
                }
            }
            Map<String, DomainEventStream> read = unread.isEmpty() ? Map.of() : reads.read(unread);
            Map<String, T> found = new HashMap<>();
            for (String uuid : new LinkedHashSet<>(uuids)) {
                Iterator<? extends DomainEventMessage<?>> events = unread.containsKey(uuid)
                        ? read.getOrDefault(uuid, DomainEventStream.empty()) : written.get(uuid).iterator();
                Optional<T> state = fold.fold(from.get(uuid), events, until);
                if (kept != null) {
                    state.ifPresentOrElse(latest -> whenCommitted.accept(() -> keep(uuid, latest)),
                            () -> kept.invalidate(uuid));
                }
                state.ifPresent(latest -> found.put(uuid, latest));
            }
            return found;
        }

        /** Not over a later state: a request's commit can come after a later request's. */
        private void keep(String uuid, T state) {
            kept.asMap().merge(uuid, state,
                    (old, now) -> version.applyAsLong(now) >= version.applyAsLong(old) ? now : old);
        }

        /** Whether {@code events} run on from sequence number {@code next} with no gap. */
        private static boolean follows(List<DomainEventMessage<?>> events, long next) {
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).getSequenceNumber() != next + i) {
                    return false;
                }
            }
            return !events.isEmpty();
        }
    }
}
