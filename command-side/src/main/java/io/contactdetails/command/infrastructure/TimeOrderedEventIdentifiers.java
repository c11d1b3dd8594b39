package io.contactdetails.command.infrastructure;

import io.contactdetails.kernel.TimeOrderedIds;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifiers of messages, found through its {@code ServiceLoader} (which instantiates this public class):
 * an event's identifier is a key of the event table, so it is time-ordered as the service's other keys are
 * ({@link TimeOrderedIds} says why).
 */
public final class TimeOrderedEventIdentifiers extends IdentifierFactory {
    @Override
    public String generateIdentifier() {
        return TimeOrderedIds.next().toString();
    }
}
