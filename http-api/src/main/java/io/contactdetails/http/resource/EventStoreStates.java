package io.contactdetails.http.resource;

import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * States folded straight from the event store, each from its own stream: the write side answers a write
 * with the latest ones (the read model may not have seen the write yet, and the write side may run where
 * there is none), point-in-time reads ask for them as they were at an instant. The fold is the one the read
 * model is built with, so these agree with what a read shows once the read model has caught up.
 */
public final class EventStoreStates implements ResourceStates {
    private final EventStore eventStore;
    private final Instant until;

    private EventStoreStates(EventStore eventStore, Instant until) {
        this.eventStore = eventStore;
        this.until = until;
    }

    public static EventStoreStates latest(EventStore eventStore) {
        return new EventStoreStates(eventStore, Instant.MAX);
    }

    public static EventStoreStates asOf(EventStore eventStore, Instant instant) {
        return new EventStoreStates(eventStore, instant);
    }

    @Override
    public Map<String, AccountState> accounts(Collection<String> uuids) {
        return fold(uuids, uuid -> AccountState.fold(eventStore.readEvents(uuid, 0), until));
    }

    @Override
    public Map<String, ContactDetailState> contactDetails(Collection<String> uuids) {
        return fold(uuids, uuid -> ContactDetailState.fold(eventStore.readEvents(uuid, 0), until));
    }

    private static <T> Map<String, T> fold(Collection<String> uuids, Function<String, Optional<T>> fold) {
        Map<String, T> found = new HashMap<>();
        uuids.forEach(uuid -> fold.apply(uuid).ifPresent(state -> found.put(uuid, state)));
        return found;
    }
}
