package io.contactdetails.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * What a command carries onto the events it causes, and nothing for any other message. Axon asks its correlation
 * data providers about every message a unit of work handles, each event an event processor handles included, and
 * puts what they give on the messages that unit of work creates: there, only a result message no one reads, since
 * no projection sends a message. Asked about an event read back from the store, a provider that reads metadata
 * (Axon's {@code MessageOriginProvider} does) deserialized the event's metadata for nothing, for every event each
 * processor handled, replays included.
 */
public final class CommandCorrelation implements CorrelationDataProvider {
    private final CorrelationDataProvider provider;

    private CommandCorrelation(CorrelationDataProvider provider) {
        this.provider = provider;
    }

    public static CorrelationDataProvider of(CorrelationDataProvider provider) {
        return new CommandCorrelation(provider);
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return message instanceof CommandMessage<?> ? provider.correlationDataFor(message) : Map.of();
    }
}
