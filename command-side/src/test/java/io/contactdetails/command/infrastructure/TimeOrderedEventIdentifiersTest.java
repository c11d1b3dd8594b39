package io.contactdetails.command.infrastructure;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon finds the command side's identifiers through its ServiceLoader: each event is named by a time-ordered id. */
class TimeOrderedEventIdentifiersTest {
    @Test
    void anEventIsNamedByAVersionSevenId() {
        String identifier = new GenericEventMessage<>("an event").getIdentifier();

        assertThat(UUID.fromString(identifier).version()).isEqualTo(7);
    }
}
