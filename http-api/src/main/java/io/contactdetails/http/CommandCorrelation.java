package io.contactdetails.http;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * What a command carries onto the events it causes, and nothing for any other message. Axon asks its correlation
 * data providers about every message a unit of work handles, each event an event processor handles included, and
 * puts what they give on the messages that unit of work creates. Under a processor that is only a result message no
 * one reads, as long as no event handler sends a message (a rule of {@code EventHandlersArchitectureTest}, in the
 * standalone module). A provider that reads metadata, as Axon's own do, would otherwise deserialize the metadata of
 * every event each processor handles, replays included, for nothing.
 */
final class CommandCorrelation implements CorrelationDataProvider {
    private final CorrelationDataProvider provider;

    CommandCorrelation(CorrelationDataProvider provider) {
        this.provider = provider;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return message instanceof CommandMessage<?> ? provider.correlationDataFor(message) : Map.of();
    }
}
