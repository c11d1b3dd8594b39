package io.contactdetails.http.resource;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads several event streams, each from its own sequence number on. A write's answer needs the latest of
 * every stream it shows but did not append to (its owners' primaries) at once, and a point-in-time read the
 * primaries an account held then: an event store that can read them together answers in one round trip rather
 * than one per stream.
 */
@FunctionalInterface
public interface StreamReads {
    /** Each stream's events from its first sequence number on, in order; a stream with none may be left out. */
    Map<String, DomainEventStream> read(Map<String, Long> firstSequenceNumbers);

    /** One read per stream, each as the event store streams it, for one that reads one at a time (in memory). */
    static StreamReads oneByOne(EventStore eventStore) {
        return firstSequenceNumbers -> {
            Map<String, DomainEventStream> streams = new HashMap<>();
            firstSequenceNumbers.forEach((stream, first) -> streams.put(stream, eventStore.readEvents(stream, first)));
            return streams;
        };
    }
}
