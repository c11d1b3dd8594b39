package io.contactdetails.query.infrastructure;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import io.contactdetails.query.ReadModelDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor batch's documents are written once, after its last event: never before (the token is stored after
 * the batch, and must not run behind what is written), and folded in memory in between.
 */
class BatchedCollectionTest {
    /** The commands the driver sent, for the tests of how a batch is written. */
    private final List<String> commands = new ArrayList<>();
    private final ReadModelDatabase mongo = ReadModelDatabase.watching(event -> commands.add(event.getCommandName()));
    private final MongoCollection<Document> documents = mongo.database.getCollection("counters");
    /** Each event's payload is the id of the counter it increments. */
    private final BatchedCollection<Document> counters = new BatchedCollection<>(documents, counter -> counter.getString("_id"),
            counter -> counter, counter -> counter, event -> Optional.of((String) event), List.of());

    @AfterEach
    void close() {
        mongo.close();
    }

    private void increment(String id) {
        int count = counters.find(id).map(counter -> counter.getInteger("count")).orElse(0);
        counters.save(new Document("_id", id).append("count", count + 1));
    }

    private List<Document> stored() {
        return documents.find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    @Test
    void aBatchIsFoldedInMemoryAndWrittenOnceAfterItsLastEvent() {
        documents.insertOne(new Document("_id", "a").append("count", 5));
        List<EventMessage<?>> events = List.of(GenericEventMessage.asEventMessage("a"),
                GenericEventMessage.asEventMessage("b"), GenericEventMessage.asEventMessage("a"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        List<List<Document>> storedWhileHandling = new ArrayList<>();
        batch.executeWithResult(() -> {
            increment((String) batch.getMessage().getPayload());
            storedWhileHandling.add(stored());
            if (batch.isLastMessage()) {
                BatchedCollection.flushBatch(batch);
            }
            return null;
        });

        assertThat(storedWhileHandling).allSatisfy(snapshot ->
                assertThat(snapshot).containsExactly(new Document("_id", "a").append("count", 5)));
        assertThat(stored()).containsExactly(new Document("_id", "a").append("count", 7),
                new Document("_id", "b").append("count", 1));
    }

    /** A document of the batch's events that it found absent is inserted; one it also deleted is not written. */
    @Test
    void aDocumentTheBatchFoundAbsentIsInserted() {
        documents.insertOne(new Document("_id", "a").append("count", 5));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("a"),
                GenericEventMessage.asEventMessage("b"), GenericEventMessage.asEventMessage("c")));
        commands.clear();
        batch.executeWithResult(() -> {
            String id = (String) batch.getMessage().getPayload();
            increment(id);
            if (id.equals("c")) {
                counters.delete(id);
            }
            if (batch.isLastMessage()) {
                BatchedCollection.flushBatch(batch);
            }
            return null;
        });

        assertThat(commands).containsExactlyInAnyOrder("find", "insert", "update");
        assertThat(stored()).containsExactly(new Document("_id", "a").append("count", 6),
                new Document("_id", "b").append("count", 1));
    }

    /**
     * Only the processor of a document's stream creates it, but a replica that lost its segment's claim mid-batch
     * still runs that batch: its insert of a document the new owner has written since fails the batch (retried, it
     * finds the document), where an upsert would have replaced the newer document with an older state.
     */
    @Test
    void anInsertMeetingADocumentWrittenSinceTheBatchLoadedFailsTheBatch() {
        List<EventMessage<?>> events = List.of(GenericEventMessage.asEventMessage("b"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);

        ResultMessage<?> failed = batch.executeWithResult(() -> {
            increment("b");
            documents.insertOne(new Document("_id", "b").append("count", 10));
            BatchedCollection.flushBatch(batch);
            return null;
        });

        assertThat(failed.isExceptional()).isTrue();
        assertThat(failed.exceptionResult()).isInstanceOf(MongoBulkWriteException.class);
        assertThat(stored()).containsExactly(new Document("_id", "b").append("count", 10));

        BatchingUnitOfWork<EventMessage<?>> again = new BatchingUnitOfWork<>(events);
        again.executeWithResult(() -> {
            increment("b");
            BatchedCollection.flushBatch(again);
            return null;
        });
        assertThat(stored()).containsExactly(new Document("_id", "b").append("count", 11));
    }

    /**
     * A document found that is not one of the batch's own events' may be another segment's, created meanwhile: it is
     * upserted as before.
     */
    @Test
    void aDocumentFoundOutsideTheBatchsOwnEventsIsUpserted() {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("a")));
        commands.clear();
        batch.executeWithResult(() -> {
            increment("elsewhere");
            BatchedCollection.flushBatch(batch);
            return null;
        });

        assertThat(commands).containsExactly("find", "find", "update");
        assertThat(stored()).containsExactly(new Document("_id", "elsewhere").append("count", 1));
    }

    @Test
    void outsideABatchEveryChangeIsWrittenAtOnce() {
        increment("a");
        increment("a");

        assertThat(stored()).containsExactly(new Document("_id", "a").append("count", 2));
    }

    /**
     * A collection is emptied at once, not a document at a time, and keeps the indexes its pages need. (The
     * in-memory stand-in lists only unique indexes, so the commands show what MongoDB is asked.)
     */
    @Test
    void deletingAllDropsTheCollectionAndCreatesItsIndexesAgain() {
        List<String> commands = new ArrayList<>();
        try (ReadModelDatabase listened = ReadModelDatabase.watching(event -> {
            commands.add(event.getCommandName());
        })) {
            MongoCollection<Document> indexed = listened.database.getCollection("indexed");
            BatchedCollection<Document> collection = new BatchedCollection<>(indexed,
                    document -> document.getString("_id"), document -> document, document -> document,
                    event -> Optional.empty(), List.of(new IndexModel(Indexes.ascending("firm_uuid", "name", "_id"))));
            for (int i = 0; i < 50; i++) {
                collection.save(new Document("_id", "d" + i).append("firm_uuid", "f").append("name", "n" + i));
            }
            commands.clear();

            collection.deleteAll();

            assertThat(commands).containsSubsequence("drop", "createIndexes").doesNotContain("delete");
            assertThat(indexed.countDocuments()).isZero();
            collection.save(new Document("_id", "d0").append("name", "again"));
            assertThat(collection.find("d0")).contains(new Document("_id", "d0").append("name", "again"));
        }
    }

    /** A document no other writer touches is replaced whole; one that others add fields to keeps their fields. */
    @Test
    void documentsAreReplacedUnlessOthersAddFieldsToThem() {
        documents.insertOne(new Document("_id", "a").append("count", 1).append("others", "x"));
        BatchedCollection<Document> shared = new BatchedCollection<>(documents, counter -> counter.getString("_id"),
                counter -> counter, counter -> counter, event -> Optional.of((String) event), List.of(), (id, state) -> null);

        increment("a");
        assertThat(stored()).containsExactly(new Document("_id", "a").append("count", 2));

        documents.updateOne(new Document("_id", "a"), new Document("$set", new Document("others", "y")));
        shared.save(new Document("_id", "a").append("count", 3));
        assertThat(stored()).containsExactly(new Document("_id", "a").append("count", 3).append("others", "y"));
    }
}
