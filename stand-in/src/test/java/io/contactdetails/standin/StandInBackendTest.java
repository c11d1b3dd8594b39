package io.contactdetails.standin;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandInBackendTest {
    private static final int PER_COMMAND = MongoWireProtocolHandler.MAX_WRITE_BATCH_SIZE;

    @TempDir
    Path directory;

    @Test
    void indexKeysAreStandInKeysWhenCreatedAndWhenReopened() {
        String file = directory.resolve("stand-in.mv").toString();
        withCollection(StandInBackend::new, file, (store, details) -> {
            details.insertOne(new Document("_id", UUID.randomUUID().toString()));
            assertIdIndexOfStandInKeys(store);
        });

        try (MVStore store = MVStore.open(file)) {
            new StandInBackend(store);
            assertIdIndexOfStandInKeys(store);
        }
    }

    @Test
    void documentsAreStoredAsStandInDocumentsWhenCreatedAndWhenReopened() {
        String file = directory.resolve("stand-in.mv").toString();
        withCollection(StandInBackend::new, file, (store, details) -> {
            details.insertOne(new Document("_id", "account-1"));
            assertDocumentsStoredAsBson(store);
        });

        try (MVStore store = MVStore.open(file)) {
            new StandInBackend(store);
            assertDocumentsStoredAsBson(store);
        }
    }

    /**
     * Writes do not size the documents they write: mongo-java-server keeps each collection's size in bytes by encoding
     * every document inserted, updated or deleted and writing the sum to the file, which nothing here reads; collStats
     * answers 0 for it. The count stays right.
     */
    @Test
    void writesDoNotSizeTheDocumentsTheyWrite() {
        withDatabase(StandInBackend::new, directory.resolve("stand-in.mv").toString(), (store, database) -> {
            MongoCollection<Document> details = database.getCollection("contact_details");
            for (int i = 0; i < 10; i++) {
                details.insertOne(new Document("_id", "detail-" + i).append("value", "someone" + i + "@example.com"));
            }
            details.updateOne(Filters.eq("_id", "detail-1"), Updates.set("value", "someone.else@example.com"));
            details.deleteOne(Filters.eq("_id", "detail-2"));

            MVMap<String, Object> meta = store.openMap(StandInBackend.metaMapName("contact_details.contact_details"));
            assertThat(meta.get("dataSize")).isEqualTo(0L);
            Document stats = database.runCommand(new Document("collStats", "contact_details"));
            assertThat(stats.get("size", Number.class).longValue()).isZero();
            assertThat(stats.get("count", Number.class).longValue()).isEqualTo(9);
        });
    }

    /** A projection's reset drops its collection; the collection it writes next is stored as before. */
    @Test
    void aCollectionDroppedAndWrittenAgainIsStoredAsBeforeWhenReopened() {
        String file = directory.resolve("stand-in.mv").toString();
        withCollection(StandInBackend::new, file, (store, details) -> {
            for (int i = 0; i < 100; i++) {
                details.insertOne(new Document("_id", "before-" + i));
            }
            details.drop();
            details.insertOne(new Document("_id", "account-1"));
            assertDocumentsStoredAsBson(store);
            assertIdIndexOfStandInKeys(store);
        });

        withCollection(StandInBackend::new, file, (store, details) -> {
            assertThat(details.find().into(new ArrayList<>())).containsExactly(new Document("_id", "account-1"));
            assertThat(details.find(Filters.eq("_id", "account-1")).first()).isNotNull();
            assertThat(details.find(Filters.eq("_id", "before-0")).first()).isNull();
            assertThatThrownBy(() -> details.insertOne(new Document("_id", "account-1")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e ->
                            assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertDocumentsStoredAsBson(store);
            assertIdIndexOfStandInKeys(store);
        });
    }

    /**
     * The standalone writes the file from its read-model processor while other threads' commands may run (its
     * replica heartbeat inserts and deletes documents and their index entries): what it writes holds each command
     * whole or not at all. The driver sends an insert of many
     * documents as commands of {@value #PER_COMMAND} (what the stand-in takes at most); one is caught midway, the
     * commit asked for then waits for it, and the file, reopened with nothing written after, holds whole commands.
     */
    @Test
    void aCommitWaitsForTheWriteCommandMidwayAndTheFileHoldsWholeCommands() throws Exception {
        String file = directory.resolve("stand-in.mv").toString();
        MVStore store = new MVStore.Builder().fileName(file).autoCommitDisabled().autoCommitBufferSize(0).open();
        StandInBackend backend = new StandInBackend(store);
        MongoServer server = new MongoServer(backend);
        long midway;
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()))) {
            MongoCollection<Document> details = client.getDatabase("contact_details").getCollection("contact_details");
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 100 * PER_COMMAND; i++) {
                many.add(new Document("_id", "detail-" + i));
            }
            Thread inserting = new Thread(() -> details.insertMany(many), "insert-many");
            inserting.setDaemon(true);
            inserting.setUncaughtExceptionHandler((thread, stopped) -> { });
            inserting.start();
            do {
                midway = details.estimatedDocumentCount();
            } while (midway % PER_COMMAND == 0 && inserting.isAlive());
            assertThat(midway % PER_COMMAND).as("an insert command seen midway (%d documents)", midway).isNotZero();

            backend.commit();
        } finally {
            // as a kill would leave it: nothing written after the commit (the server's close would write the rest)
            store.closeImmediately();
            server.shutdown();
        }

        long seenMidway = midway;
        withCollection(StandInBackend::new, file, (reopened, details) -> {
            long written = details.countDocuments();
            assertThat(written % PER_COMMAND).as("documents of a command cut short (of %d)", written).isZero();
            assertThat(written).as("the command seen midway, written whole")
                    .isGreaterThanOrEqualTo((seenMidway / PER_COMMAND + 1) * PER_COMMAND);
        });
    }

    /**
     * A read answers with each document as one whole command left it, however often it is written meanwhile (the
     * standalone's read models are written while they are read). Each update here changes a field, adds a nested
     * key and drops another, and adds or drops a top-level field, as the read models' updates do, all of them
     * naming the version it wrote.
     */
    @Test
    void aReadSeesADocumentAsAWholeUpdateLeftIt() throws Exception {
        MVStore store = new MVStore.Builder().open();
        MongoServer server = new MongoServer(new StandInBackend(store));
        // a read that fails is to fail here, not be retried by the driver on a new connection
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + hostAndPort(server.bind())))
                .retryReads(false).build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoCollection<Document> accounts = client.getDatabase("contact_details").getCollection("accounts");
            Document account = new Document("_id", "account-1").append("version", 0);
            // fields enough that a read and an update take long enough to meet often
            for (int field = 0; field < 100; field++) {
                account.append("field-" + field, "value " + field);
            }
            accounts.insertOne(account.append("copies", new Document("k0", new Document("version", 0))));
            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread updating = new Thread(() -> {
                for (int i = 1; i <= 5_000 && reading.get(); i++) {
                    Bson update = Updates.combine(
                            Updates.set("version", i),
                            Updates.max("copies.k" + i, new Document("version", i)),
                            Updates.unset("copies.k" + (i - 1)),
                            i % 2 == 1 ? Updates.set("odd", i) : Updates.unset("odd"));
                    // a find-and-modify (the token store's claim) changes what it finds as an update does
                    if (i % 4 == 0) {
                        accounts.findOneAndUpdate(Filters.eq("_id", "account-1"), update);
                    } else {
                        accounts.updateOne(Filters.eq("_id", "account-1"), update);
                    }
                    written.set(i);
                }
            }, "updating");
            updating.setUncaughtExceptionHandler((thread, failure) -> failed.set(failure));
            updating.setDaemon(true);
            updating.start();
            Instant deadline = Instant.now().plusSeconds(20);
            int reads = 0;
            try {
                while (updating.isAlive() && Instant.now().isBefore(deadline)) {
                    Document read = accounts.find(Filters.eq("_id", "account-1")).first();
                    int version = read.getInteger("version");
                    assertThat(read.get("copies", Document.class).keySet()).as("copies at version %d", version)
                            .containsExactly("k" + version);
                    assertThat(read.get("odd")).as("odd at version %d", version)
                            .isEqualTo(version % 2 == 1 ? version : null);
                    reads++;
                }
            } finally {
                reading.set(false);
                updating.join(10_000);
            }
            assertThat(failed.get()).as("the updates' failure").isNull();
            assertThat(updating.isAlive()).as("updates still running").isFalse();
            assertThat(written.get()).as("updates made").isGreaterThan(1_000);
            assertThat(reads).as("reads made meanwhile").isGreaterThan(500);
        } finally {
            server.shutdown();
            store.close();
        }
    }

    /** What does not wait for the file: reads, and an aggregate unless it ends by writing its result. */
    @Test
    void readsAndAggregatesThatWriteNothingDoNotWaitForTheFile() {
        de.bwaldvogel.mongo.bson.Document none = new de.bwaldvogel.mongo.bson.Document();
        assertThat(StandInBackend.onlyReads("find", none)).isTrue();
        assertThat(StandInBackend.onlyReads("getmore", none)).isTrue();
        assertThat(StandInBackend.onlyReads("aggregate", pipeline("$match"))).isTrue();
        assertThat(StandInBackend.onlyReads("aggregate", pipeline("$match", "$out"))).isFalse();
        assertThat(StandInBackend.onlyReads("aggregate", pipeline("$merge"))).isFalse();
        assertThat(StandInBackend.onlyReads("update", none)).isFalse();
        assertThat(StandInBackend.onlyReads("insert", none)).isFalse();
        assertThat(StandInBackend.onlyReads("a-command-not-known-here", none)).isFalse();
    }

    private static de.bwaldvogel.mongo.bson.Document pipeline(String... stages) {
        List<de.bwaldvogel.mongo.bson.Document> pipeline = new ArrayList<>();
        for (String stage : stages) {
            pipeline.add(new de.bwaldvogel.mongo.bson.Document(stage, new de.bwaldvogel.mongo.bson.Document()));
        }
        return new de.bwaldvogel.mongo.bson.Document("pipeline", pipeline);
    }

    /** The map holding the collection's documents, by the name the backend gives it: there, holding one, as BSON. */
    private static void assertDocumentsStoredAsBson(MVStore store) {
        String documents = StandInBackend.dataMapName("contact_details.contact_details");
        assertThat(store.getMapNames()).contains(documents);
        MVMap<Object, Object> map = store.openMap(documents);
        assertThat(map.sizeAsLong()).isEqualTo(1);
        assertThat(map.getValueType()).isInstanceOf(StandInDocuments.class);
    }

    /** The map holding the _id index, by the name the backend gives it: there, holding the document's key. */
    private static void assertIdIndexOfStandInKeys(MVStore store) {
        String idIndex = StandInBackend.indexMapName("contact_details.contact_details", "_id_");
        assertThat(store.getMapNames()).contains(idIndex);
        MVMap<Object, Object> index = store.openMap(idIndex);
        assertThat(index.sizeAsLong()).isEqualTo(1);
        assertThat(index.getKeyType()).isInstanceOf(StandInKeys.class);
    }

    @Test
    void aFileWrittenByMongoJavaServersOwnBackendIsReadAsItWas() {
        String file = directory.resolve("stand-in.mv").toString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add(i % 2 == 0 ? UUID.randomUUID().toString() : "account-" + i);
        }
        withCollection(H2Backend::new, file, (store, details) -> {
            ids.forEach(id -> details.insertOne(new Document("_id", id).append("n", id.length())));
            assertThat(store.getMapNames()).as("the maps mongo-java-server's own backend names")
                    .contains(StandInBackend.dataMapName("contact_details.contact_details"),
                            StandInBackend.metaMapName("contact_details.contact_details"));
        });

        withCollection(StandInBackend::new, file, (store, details) -> {
            ids.forEach(id -> assertThat(details.find(Filters.eq("_id", id)).first()).as(id).isNotNull());
            assertThat(details.countDocuments()).isEqualTo(ids.size());
            assertThatThrownBy(() -> details.insertOne(new Document("_id", ids.get(0))))
                    .isInstanceOfSatisfying(MongoWriteException.class, e ->
                            assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            details.insertOne(new Document("_id", "a-new-one"));
            assertThat(details.find(Filters.eq("_id", "a-new-one")).first()).isNotNull();
            details.updateOne(Filters.eq("_id", ids.get(1)), Updates.set("n", -1));
        });

        withCollection(StandInBackend::new, file, (store, details) -> {
            assertThat(details.countDocuments()).isEqualTo(ids.size() + 1);
            assertThat(details.find(Filters.eq("_id", ids.get(0))).first())
                    .isEqualTo(new Document("_id", ids.get(0)).append("n", ids.get(0).length()));
            assertThat(details.find(Filters.eq("_id", ids.get(1))).first())
                    .isEqualTo(new Document("_id", ids.get(1)).append("n", -1));
            assertThat(details.find(Filters.eq("_id", "a-new-one")).first()).isNotNull();
        });
    }

    private static void withCollection(Function<MVStore, H2Backend> backendOf, String file,
                                       BiConsumer<MVStore, MongoCollection<Document>> use) {
        withDatabase(backendOf, file, (store, database) -> use.accept(store, database.getCollection("contact_details")));
    }

    private static void withDatabase(Function<MVStore, H2Backend> backendOf, String file,
                                     BiConsumer<MVStore, MongoDatabase> use) {
        MVStore store = new MVStore.Builder().fileName(file).open();
        H2Backend backend = backendOf.apply(store);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()))) {
            use.accept(store, client.getDatabase("contact_details"));
        } finally {
            server.shutdown();
            store.close();
        }
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
