package io.contactdetails.query.operations;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Positions in the global event order: how far a processor has read, and how far there is to read. */
final class ProcessorPositions {
    private ProcessorPositions() {
    }

    /** The lowest position of the processor's segments: every event up to it has been handled. */
    static long of(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0))
                .min().orElse(0);
    }

    static long head(EventStore eventStore) {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }
}
