package io.contactdetails.standin;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static io.contactdetails.standin.H2Bytes.toArray;
import static io.contactdetails.standin.H2Bytes.written;
import static org.assertj.core.api.Assertions.assertThat;

class StandInDocumentsTest {
    private final StandInDocuments documents = new StandInDocuments();

    /** Every kind of value a read-model document holds, and others BSON has. */
    private static Document aDocument() {
        return new Document("_id", UUID.randomUUID().toString())
                .append("firm_uuid", UUID.randomUUID().toString())
                .append("name", "Work é \uD83D\uDE00")
                .append("version", 7L)
                .append("count", 3)
                .append("ratio", 0.25)
                .append("primary", true)
                .append("removed", null)
                .append("created_at", Instant.parse("2026-11-30T01:02:03.456Z"))
                .append("account_uuids", new ArrayList<>(List.of("a", "b")))
                .append("meta", new Document("country_code", "GB").append("numbers", new ArrayList<>(List.of(1, 2L))))
                .append("token", new ObjectId())
                .append("at", new BsonTimestamp(42L))
                .append("amount", new Decimal128(new BigDecimal("12.50")))
                .append("bytes", new BinData(new byte[] {1, 2, 3}))
                .append("legacy_uuid", new LegacyUUID(UUID.randomUUID()))
                .append("uuid", UUID.randomUUID());
    }

    @Test
    void aDocumentIsStoredAsBsonAndReadBackEqual() {
        Document document = aDocument();

        ByteBuffer stored = written(documents, document, "after");

        assertThat(stored.get(0)).isEqualTo(StandInDocuments.BSON_DOCUMENT);
        Document read = (Document) documents.read(stored);
        assertThat(read.keySet()).containsExactlyElementsOf(document.keySet());
        document.forEach((key, value) -> assertThat(read.get(key)).as(key).isEqualTo(value));
        assertThat(documents.read(stored)).as("the value after it").isEqualTo("after");
    }

    @Test
    void anInstantKeepsItsMillisecondsAsMongoDbKeepsADates() {
        Document read = (Document) documents.read(written(documents,
                new Document("at", Instant.parse("2026-11-30T01:02:03.456789Z"))));

        assertThat(read.get("at")).isEqualTo(Instant.parse("2026-11-30T01:02:03.456Z"));
    }

    @Test
    void aDocumentTakesLessThanHalfTheBytesOfItsJavaSerialization() {
        Document document = aDocument();

        int bson = written(documents, document).remaining();
        int serialized = written(new ObjectDataType(), document).remaining();

        assertThat(bson).isLessThan(serialized / 2);
    }

    @Test
    void valuesWrittenBeforeAreReadAsTheyWere() {
        Document document = new Document("_id", "account-1").append("version", 2L);
        ByteBuffer before = written(new ObjectDataType(), document, 12L, "token");

        assertThat(documents.read(before)).isEqualTo(document);
        assertThat(documents.read(before)).isEqualTo(12L);
        assertThat(documents.read(before)).isEqualTo("token");
    }

    @Test
    void aDocumentHoldingWhatBsonCannotHoldIsStoredAsH2StoresIt() {
        Document document = new Document("_id", "account-1").append("at", new Date(0));

        ByteBuffer stored = written(documents, document);

        assertThat(toArray(stored.duplicate())).isEqualTo(toArray(written(new ObjectDataType(), document)));
        assertThat(documents.read(stored)).isEqualTo(document);
    }

    @Test
    void otherValuesAreStoredAsH2StoresThem() {
        assertThat(toArray(written(documents, 12L, "dataSize"))).isEqualTo(toArray(written(new ObjectDataType(), 12L, "dataSize")));
    }
}
