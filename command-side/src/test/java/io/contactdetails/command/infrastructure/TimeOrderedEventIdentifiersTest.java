package io.contactdetails.command.infrastructure;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An event's identifier is a key of the event table: made later, it lands after the keys made before it. */
class TimeOrderedEventIdentifiersTest {
    @Test
    void eventsAreNamedByVersionSevenIdsThatSortByAge() throws InterruptedException {
        List<String> inOrder = new ArrayList<>();
        for (int event = 0; event < 5; event++) {
            inOrder.add(new GenericEventMessage<>("an event").getIdentifier());
            Thread.sleep(2); // ids sort by their millisecond; within one they are in no order
        }

        assertThat(inOrder).isSorted().allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
    }
}
