package io.contactdetails.standalone;

import io.contactdetails.query.infrastructure.ReadStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Handlers in the read models' processor that record what a replay delivers to them. */
final class ReplayProbes {
    private ReplayProbes() {
    }

    @Component
    @ProcessingGroup(ReadStore.PROCESSING_GROUP)
    static class StatusProbe {
        final List<ReplayStatus> statuses = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(Object event, ReplayStatus status) {
            statuses.add(status);
        }
    }

    /** Stands for any handler with side effects: it must never see a replayed event. */
    @Component
    @ProcessingGroup(ReadStore.PROCESSING_GROUP)
    static class SideEffectProbe {
        final AtomicLong handled = new AtomicLong();

        @EventHandler
        @DisallowReplay
        void on(Object event) {
            handled.incrementAndGet();
        }
    }
}
