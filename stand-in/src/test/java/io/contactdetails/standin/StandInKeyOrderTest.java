package io.contactdetails.standin;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in's index key order is H2's own, key for key: a file written before must read the same. */
class StandInKeyOrderTest {
    private final ObjectDataType h2 = new ObjectDataType();
    private final StandInKeyOrder order = new StandInKeyOrder();

    @Test
    void ordersKeysAsH2DoesByTheirSerializedBytes() {
        Random random = new Random(12);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            keys.add(new KeyValue(UUID.randomUUID().toString()));
            keys.add(new KeyValue(randomAscii(random, 1 + random.nextInt(40))));
        }
        keys.addAll(List.of(new KeyValue("a"), new KeyValue("b"), new KeyValue("ab"), new KeyValue("B"),
                new KeyValue("é"), new KeyValue("a\u0000"), new KeyValue("\uD83D\uDE00"), new KeyValue(""),
                new KeyValue("x".repeat(70_000)), new KeyValue("y".repeat(70_000)),
                new KeyValue(12), new KeyValue(12L), new KeyValue("a", "b"),
                new KeyValue("a", 1)));

        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(order.compare(a, b))).as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    private static String randomAscii(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (1 + random.nextInt(127)));
        }
        return text.toString();
    }
}
