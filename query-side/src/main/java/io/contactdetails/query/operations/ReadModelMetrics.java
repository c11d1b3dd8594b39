package io.contactdetails.query.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of the read models beside the projection lag: how many stored events each processor
 * has yet to handle, and how far a rebuild has got. Read when scraped, from the processors and the event store.
 */
@Component
public class ReadModelMetrics implements MeterBinder {
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Replay replay;

    public ReadModelMetrics(EventProcessingConfiguration processing, EventStore eventStore, Replay replay) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.replay = replay;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("contact_details.processor.events_behind", streaming,
                                p -> ProcessorPositions.behind(p, eventStore))
                        .description("Stored events of the segments this replica processes that it has not handled yet")
                        .tag("processor", name)
                        .register(registry);
            }
        });
        Gauge.builder("contact_details.replay.events_done", replay, r -> r.progress().eventsDone())
                .description("Events replayed by the current or last rebuild of the read models")
                .register(registry);
        Gauge.builder("contact_details.replay.events_to_replay", replay, r -> r.progress().eventsTotal())
                .description("Events the current or last rebuild has to replay")
                .register(registry);
        Gauge.builder("contact_details.replay.running", replay, r -> r.progress().isRunning() ? 1 : 0)
                .description("1 while the read models are being rebuilt")
                .register(registry);
    }
}
