package io.contactdetails.http.resource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * States folded straight from the event store, each from its own stream: the write side answers a write
 * with the latest ones (the read model may not have seen the write yet, and the write side may run where
 * there is none), point-in-time reads ask for them as they were at an instant. The fold is the one the read
 * model is built with, so these agree with what a read shows once the read model has caught up.
 * <p>
 * The latest states are kept between requests, each with the identifier of the last event folded into it, and
 * brought up to date from that event on: an owner in a write's answer costs what was appended since, not its
 * whole stream. A kept state is trusted only while its last event is still in the store at its sequence
 * number: one folded inside a request's transaction that then rolled back names an event the store never kept
 * (or holds another writer's event in its place), so it is folded again from the start.
 */
public final class EventStoreStates implements ResourceStates {
    private final Kind<AccountState> accounts;
    private final Kind<ContactDetailState> contactDetails;

    private EventStoreStates(EventStore eventStore, Instant until, long keptStates) {
        this.accounts = new Kind<>(eventStore, until, keptStates, AccountState::fold, AccountState::version);
        this.contactDetails = new Kind<>(eventStore, until, keptStates, ContactDetailState::fold,
                ContactDetailState::version);
    }

    /** The latest states, keeping up to {@code keptStates} of each kind between requests. */
    public static EventStoreStates latest(EventStore eventStore, long keptStates) {
        return new EventStoreStates(eventStore, Instant.MAX, keptStates);
    }

    public static EventStoreStates asOf(EventStore eventStore, Instant instant) {
        return new EventStoreStates(eventStore, instant, 0);
    }

    @Override
    public Map<String, AccountState> accounts(Collection<String> uuids) {
        return accounts.fold(uuids);
    }

    @Override
    public Map<String, ContactDetailState> contactDetails(Collection<String> uuids) {
        return contactDetails.fold(uuids);
    }

    /** How a kind of state is folded onto an earlier one (null: from the stream's start), up to an instant. */
    private interface Fold<T> {
        Optional<T> fold(T from, Iterator<? extends DomainEventMessage<?>> events, Instant until);
    }

    /** A state and the identifier of the last event folded into it, whose sequence number is its version. */
    private record Folded<T>(T state, String lastEvent) {
    }

    /** One kind of state: how it is folded, and those kept between requests (none when not the latest). */
    private static final class Kind<T> {
        private final EventStore eventStore;
        private final Instant until;
        private final Fold<T> fold;
        private final ToLongFunction<T> version;
        private final Cache<String, Folded<T>> kept;

        Kind(EventStore eventStore, Instant until, long keptStates, Fold<T> fold, ToLongFunction<T> version) {
            this.eventStore = eventStore;
            this.until = until;
            this.fold = fold;
            this.version = version;
            this.kept = keptStates > 0 ? Caffeine.newBuilder().maximumSize(keptStates).build() : null;
        }

        Map<String, T> fold(Collection<String> uuids) {
            Map<String, T> found = new HashMap<>();
            uuids.forEach(uuid -> (kept == null ? fold.fold(null, eventStore.readEvents(uuid, 0), until)
                    : latest(uuid)).ifPresent(state -> found.put(uuid, state)));
            return found;
        }

        private Optional<T> latest(String uuid) {
            Folded<T> folded = kept.getIfPresent(uuid);
            if (folded != null) {
                DomainEventStream since = eventStore.readEvents(uuid, version.applyAsLong(folded.state()));
                if (since.hasNext() && since.next().getIdentifier().equals(folded.lastEvent())) {
                    return foldAndKeep(uuid, folded, since);
                }
            }
            return foldAndKeep(uuid, null, eventStore.readEvents(uuid, 0));
        }

        private Optional<T> foldAndKeep(String uuid, Folded<T> from, Iterator<? extends DomainEventMessage<?>> events) {
            LastEvent read = new LastEvent(events, from == null ? null : from.lastEvent());
            Optional<T> state = fold.fold(from == null ? null : from.state(), read, until);
            state.ifPresentOrElse(latest -> kept.put(uuid, new Folded<>(latest, read.identifier)),
                    () -> kept.invalidate(uuid));
            return state;
        }
    }

    /** A stream's next events, noting the identifier of the last one read (at first, of the one before them). */
    private static final class LastEvent implements Iterator<DomainEventMessage<?>> {
        private final Iterator<? extends DomainEventMessage<?>> events;
        private String identifier;

        LastEvent(Iterator<? extends DomainEventMessage<?>> events, String before) {
            this.events = events;
            this.identifier = before;
        }

        @Override
        public boolean hasNext() {
            return events.hasNext();
        }

        @Override
        public DomainEventMessage<?> next() {
            DomainEventMessage<?> event = events.next();
            identifier = event.getIdentifier();
            return event;
        }
    }
}
