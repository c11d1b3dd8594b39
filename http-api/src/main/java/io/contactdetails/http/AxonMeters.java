package io.contactdetails.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Of the meters Axon's Micrometer module puts on every message, the ones the README documents: an event
 * processor's latency ({@code eventProcessor_latency}), the event store's count of appended events
 * ({@code eventStore_ingestedCounter_total}), and the command bus's timers and counters. Axon adds timers, a
 * capacity gauge and counters to every event each processor handles, timers to every event appended and a capacity
 * gauge to every command: 7 % of a replaying processor's thread, and timers' sliding windows on every create, for
 * meters nobody reads.
 * <p>
 * The latency is Axon's gauge (milliseconds from an event's timestamp to its handling, the last event's), registered
 * once per processor: Axon registers its gauges again for every message, which Micrometer answers with a warning
 * in every log and a lookup of the meter per message.
 */
final class AxonMeters {
    private final MeterRegistry registry;
    private final Map<String, MessageMonitor<Message<?>>> latencies = new ConcurrentHashMap<>();

    AxonMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void keepDocumentedOnly(Configurer configurer) {
        configurer.configureMessageMonitor(EventProcessor.class,
                (configuration, type, processor) -> latencies.computeIfAbsent(processor, this::latency));
        configurer.configureMessageMonitor(EventBus.class,
                (configuration, type, bus) -> cast(MessageCountingMonitor.buildMonitor(bus, registry)));
        configurer.configureMessageMonitor(CommandBus.class, (configuration, type, bus) -> new MultiMessageMonitor<>(
                MessageTimerMonitor.buildMonitor(bus, registry, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION),
                MessageCountingMonitor.buildMonitor(bus, registry, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION)));
    }

    private MessageMonitor<Message<?>> latency(String processor) {
        AtomicLong millis = new AtomicLong();
        Gauge.builder("eventProcessor.latency", millis::get)
                .tag(TagsUtil.PROCESSOR_NAME_TAG, processor)
                .register(registry);
        return message -> {
            millis.set(System.currentTimeMillis() - ((EventMessage<?>) message).getTimestamp().toEpochMilli());
            return NoOpMessageMonitorCallback.INSTANCE;
        };
    }

    /** Axon's monitors take the messages of their component's kind; the factory hands them out for any message. */
    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> cast(MessageMonitor<?> monitor) {
        return (MessageMonitor<Message<?>>) monitor;
    }
}
