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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Of the monitors Axon's Micrometer module puts on every message, those behind the meters the README documents: an
 * event processor's latency ({@code eventProcessor_latency}), the event store's counters
 * ({@code eventStore_ingestedCounter_total} and the like), and the command bus's timers and counters. Axon also
 * times every event each processor handles, counts it and gauges the processor's capacity, times every event
 * appended and gauges the command bus's capacity: 7 % of a replaying processor's thread, and timers' sliding
 * windows on every create, for meters nobody reads.
 * <p>
 * The latency is Axon's gauge (milliseconds from an event's timestamp to its handling, the last event's, there once
 * a first event was handled), registered once per processor: Axon registers its gauges again for every message,
 * which Micrometer answers with a warning in every log and a lookup of the meter per message.
 */
final class AxonMeters {
    static final String LATENCY = "eventProcessor.latency";

    private final MeterRegistry registry;
    private final Map<String, MessageMonitor<Message<?>>> latencies = new ConcurrentHashMap<>();

    AxonMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void keepDocumentedOnly(Configurer configurer) {
        configurer.configureMessageMonitor(EventProcessor.class,
                (configuration, type, name) -> latencies.computeIfAbsent(name, this::latency));
        configurer.configureMessageMonitor(EventBus.class,
                (configuration, type, name) -> cast(MessageCountingMonitor.buildMonitor(name, registry)));
        configurer.configureMessageMonitor(CommandBus.class, (configuration, type, name) -> new MultiMessageMonitor<>(
                MessageTimerMonitor.buildMonitor(name, registry, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION),
                MessageCountingMonitor.buildMonitor(name, registry, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION)));
    }

    private MessageMonitor<Message<?>> latency(String processor) {
        AtomicLong millis = new AtomicLong();
        AtomicBoolean registered = new AtomicBoolean();
        return message -> {
            millis.set(System.currentTimeMillis() - ((EventMessage<?>) message).getTimestamp().toEpochMilli());
            if (!registered.get() && registered.compareAndSet(false, true)) {
                Gauge.builder(LATENCY, millis::get).tag(TagsUtil.PROCESSOR_NAME_TAG, processor).register(registry);
            }
            return NoOpMessageMonitorCallback.INSTANCE;
        };
    }

    /** Axon's monitors take the messages of their component's kind; the factory hands them out for any message. */
    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> cast(MessageMonitor<?> monitor) {
        return (MessageMonitor<Message<?>>) monitor;
    }
}
