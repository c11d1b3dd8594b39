package io.contactdetails.http;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AxonMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Configuration configuration = configured();

    private Configuration configured() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        new AxonMeters(registry).keepDocumentedOnly(configurer);
        return configurer.buildConfiguration();
    }

    @Test
    void aProcessorsLatencyIsItsLastEventsAgeInMillisecondsOnOneGaugeFromItsFirstEvent() {
        MessageMonitor<? super EventMessage<?>> monitor = processor();
        MessageMonitor<? super EventMessage<?>> askedAgain = processor();
        assertThat(registry.find(AxonMeters.LATENCY).gauges()).as("before any event").isEmpty();

        monitor.onMessageIngested(event(Instant.now().minusSeconds(60)));
        askedAgain.onMessageIngested(event(Instant.now().minusSeconds(5)));

        assertThat(registry.find(AxonMeters.LATENCY).gauges()).hasSize(1);
        assertThat(registry.get(AxonMeters.LATENCY).tag("processorName", "read-models").gauge().value())
                .isBetween(5_000.0, 6_000.0);
    }

    @Test
    void onlyTheMetersTheReadmeDocumentsAreRegistered() {
        processor().onMessageIngested(event(Instant.now())).reportSuccess();
        MessageMonitor<? super EventMessage<?>> eventStore =
                configuration.messageMonitor(EmbeddedEventStore.class, "eventStore");
        eventStore.onMessageIngested(event(Instant.now())).reportSuccess();
        MessageMonitor<? super CommandMessage<?>> commandBus =
                configuration.messageMonitor(SimpleCommandBus.class, "commandBus");
        commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage("a command")).reportSuccess();

        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .contains(AxonMeters.LATENCY, "eventStore.ingestedCounter", "commandBus.successTimer",
                        "commandBus.ingestedCounter", "commandBus.successCounter")
                .allMatch(name -> name.equals(AxonMeters.LATENCY) || name.startsWith("eventStore.")
                        || name.startsWith("commandBus."))
                .noneMatch(name -> name.contains("capacity")
                        || name.startsWith("eventStore.") && name.contains("Timer"));
    }

    private MessageMonitor<? super EventMessage<?>> processor() {
        return configuration.messageMonitor(TrackingEventProcessor.class, "read-models");
    }

    private static EventMessage<String> event(Instant timestamp) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), "an event", Map.of(), timestamp);
    }
}
