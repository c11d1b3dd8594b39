package io.contactdetails.query.operations;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.OptionalLong;

/** Positions in the global event order: how far a processor has read, and how far there is to read. */
final class ProcessorPositions {
    private ProcessorPositions() {
    }

    /**
     * The lowest position of the segments this replica processes: every event of theirs up to it has been handled.
     * Empty when it processes none (other replicas hold them all, or it has yet to claim one).
     */
    static OptionalLong of(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0))
                .min();
    }

    /** Stored events of this replica's segments it has not handled yet; none when it holds no segment. */
    static long behind(StreamingEventProcessor processor, EventStore eventStore) {
        OptionalLong position = of(processor);
        return position.isPresent() ? Math.max(0, head(eventStore) - position.getAsLong()) : 0;
    }

    static long head(EventStore eventStore) {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }
}
