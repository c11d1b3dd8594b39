package io.contactdetails.query.operations;

import io.contactdetails.query.infrastructure.ReadStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * How long after an event was stored the read models saw it ({@code contact_details.projection.lag}).
 * A side effect, not a read model: replayed events are months old and would drown the live figure.
 */
@Component
@ProcessingGroup(ReadStore.PROCESSING_GROUP)
public class ProjectionLag {
    private final Timer lag;

    public ProjectionLag(MeterRegistry registry) {
        this.lag = Timer.builder("contact_details.projection.lag")
                .description("Time from an event's commit to its projection into the read models")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    @EventHandler
    @DisallowReplay
    void on(Object event, @Timestamp Instant storedAt) {
        lag.record(Duration.between(storedAt, Instant.now()).abs());
    }

    public long count() {
        return lag.count();
    }
}
