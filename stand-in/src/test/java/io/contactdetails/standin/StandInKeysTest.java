package io.contactdetails.standin;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.contactdetails.standin.H2Bytes.toArray;
import static io.contactdetails.standin.H2Bytes.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stand-in's index keys keep H2's own order and a file written before must read the same. */
class StandInKeysTest {
    private final ObjectDataType h2 = new ObjectDataType();
    private final StandInKeys keys = new StandInKeys();

    @Test
    void ordersKeysAsH2DoesByTheirSerializedBytes() {
        Random random = new Random(12);
        List<KeyValue> all = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            all.add(new KeyValue(UUID.randomUUID().toString()));
            all.add(new KeyValue(randomAscii(random, 1 + random.nextInt(40))));
        }
        all.addAll(List.of(new KeyValue("a"), new KeyValue("b"), new KeyValue("ab"), new KeyValue("B"),
                new KeyValue("é"), new KeyValue("a\u0000"), new KeyValue("\uD83D\uDE00"), new KeyValue(""),
                new KeyValue("x".repeat(70_000)), new KeyValue("y".repeat(70_000)),
                new KeyValue(12), new KeyValue(12L), new KeyValue("a", "b"),
                new KeyValue("a", 1)));

        for (KeyValue a : all) {
            for (KeyValue b : all) {
                assertThat(Integer.signum(keys.compare(a, b))).as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    @Test
    void aKeyOfOneStringIsStoredTaggedAndReadBackEqual() {
        List<KeyValue> strings = List.of(new KeyValue(UUID.randomUUID().toString()), new KeyValue(""),
                new KeyValue("é \uD83D\uDE00 a\u0000"), new KeyValue("x".repeat(70_000)));

        ByteBuffer stored = written(keys, strings.toArray());

        assertThat(stored.get(0)).isEqualTo(StandInKeys.ONE_STRING);
        strings.forEach(key -> assertThat(keys.read(stored)).isEqualTo(key));
        assertThat(stored.hasRemaining()).isFalse();
    }

    @Test
    void aUuidKeyTakesLessThanAQuarterOfTheBytesOfItsJavaSerialization() {
        KeyValue key = new KeyValue(UUID.randomUUID().toString());

        assertThat(written(keys, key).remaining()).isLessThan(written(h2, key).remaining() / 4);
    }

    @Test
    void keysWrittenBeforeAreReadAsTheyWere() {
        KeyValue key = new KeyValue("account-1");
        ByteBuffer before = written(h2, key, new KeyValue(12L), "token");

        assertThat(keys.read(before)).isEqualTo(key);
        assertThat(keys.read(before)).isEqualTo(new KeyValue(12L));
        assertThat(keys.read(before)).isEqualTo("token");
    }

    @Test
    void otherKeysAreStoredAsH2StoresThem() {
        Object[] others = {new KeyValue(12L), new KeyValue("a", "b"), new KeyValue(new ObjectId()), "dataSize"};

        assertThat(toArray(written(keys, others))).isEqualTo(toArray(written(h2, others)));
    }

    /** Were H2 to take either tag for a type of its own, what it wrote before would be misread: this fails first. */
    @Test
    void theKeysAndDocumentsTagsAreTwoH2LeavesUnused() {
        assertThat(StandInKeys.ONE_STRING).isNotEqualTo(StandInDocuments.BSON_DOCUMENT);
        for (byte tag : new byte[] {StandInKeys.ONE_STRING, StandInDocuments.BSON_DOCUMENT}) {
            assertThatThrownBy(() -> h2.read(ByteBuffer.wrap(new byte[] {tag, 0, 0, 0, 0}))).as("tag %d", tag)
                    .hasMessageContaining("Unknown tag");
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
