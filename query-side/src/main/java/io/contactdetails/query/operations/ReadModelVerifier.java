package io.contactdetails.query.operations;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.contactdetails.query.account.readmodel.AccountDocuments;
import io.contactdetails.query.account.readmodel.AccountProjection;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailDocuments;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailProjection;
import io.contactdetails.query.contactdetail.readmodel.DetailsByAccountProjection;
import io.contactdetails.query.infrastructure.ReadStoreProperties;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Rebuilds the read models from the events into a separate database, without touching the live ones, and
 * compares the two document by document: a read model that drifted from its events shows up here.
 */
@Component
public class ReadModelVerifier {
    private static final List<String> COLLECTIONS = List.of(AccountDocuments.COLLECTION, ContactDetailDocuments.COLLECTION,
            DetailsByAccountProjection.COLLECTION);

    private final EventStore eventStore;
    private final MongoClient client;
    private final MongoDatabase live;
    private final String verifyDatabaseName;

    public ReadModelVerifier(EventStore eventStore, MongoClient client, MongoDatabase live,
                             ReadStoreProperties properties) {
        this.eventStore = eventStore;
        this.client = client;
        this.live = live;
        this.verifyDatabaseName = properties.database() + "_verify";
    }

    /** Every difference between the live read models and a rebuild from the events; empty when they agree. */
    public List<String> verify(Replay.ProgressListener listener) throws Exception {
        MongoDatabase rebuilt = client.getDatabase(verifyDatabaseName);
        rebuilt.drop();
        try {
            rebuild(rebuilt, listener);
            List<String> differences = new ArrayList<>();
            for (String collection : COLLECTIONS) {
                compare(collection, live.getCollection(collection), rebuilt.getCollection(collection), differences,
                        collection.equals(AccountDocuments.COLLECTION) ? AccountDocuments::asRead : UnaryOperator.identity());
            }
            return differences;
        } finally {
            rebuilt.drop();
        }
    }

    private void rebuild(MongoDatabase target, Replay.ProgressListener listener) throws Exception {
        // outside a processor batch the account's copies of its primaries are read at once: the details first
        List<AnnotationEventHandlerAdapter> projections = List.of(
                new AnnotationEventHandlerAdapter(new ContactDetailProjection(target)),
                new AnnotationEventHandlerAdapter(new AccountProjection(target)),
                new AnnotationEventHandlerAdapter(new DetailsByAccountProjection(target)));
        long head = eventStore.createHeadToken().position().orElse(0);
        java.time.Instant started = java.time.Instant.now();
        long done = 0;
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (done < head && events.hasNextAvailable(1, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = events.nextAvailable();
                for (AnnotationEventHandlerAdapter projection : projections) {
                    if (projection.canHandle(event)) {
                        projection.handle(event);
                    }
                }
                done = event.trackingToken().position().orElse(done);
                if (done % 1000 == 0) {
                    listener.onProgress(ReplayProgress.running(done, head, started, java.time.Instant.now()));
                }
            }
        }
        listener.onProgress(ReplayProgress.running(done, head, started, java.time.Instant.now()));
    }

    /** Documents are compared as read ({@code asRead}): what a reader never sees cannot disagree with the events. */
    private static void compare(String collection, MongoCollection<Document> live, MongoCollection<Document> rebuilt,
                                List<String> differences, UnaryOperator<Document> asRead) {
        Map<Object, Document> liveById = byId(live, asRead);
        Map<Object, Document> rebuiltById = byId(rebuilt, asRead);
        TreeSet<String> ids = new TreeSet<>();
        liveById.keySet().forEach(id -> ids.add(id.toString()));
        rebuiltById.keySet().forEach(id -> ids.add(id.toString()));
        for (String id : ids) {
            Document actual = liveById.get(id);
            Document expected = rebuiltById.get(id);
            if (actual == null) {
                differences.add(collection + "/" + id + ": missing from the live read model");
            } else if (expected == null) {
                differences.add(collection + "/" + id + ": in the live read model but not in the events");
            } else {
                TreeSet<String> fields = new TreeSet<>(actual.keySet());
                fields.addAll(expected.keySet());
                for (String field : fields) {
                    if (!Objects.equals(actual.get(field), expected.get(field))) {
                        differences.add(collection + "/" + id + ": " + field + " is " + actual.get(field)
                                + " but the events say " + expected.get(field));
                    }
                }
            }
        }
    }

    private static Map<Object, Document> byId(MongoCollection<Document> collection, UnaryOperator<Document> asRead) {
        Map<Object, Document> documents = new LinkedHashMap<>();
        collection.find().sort(Sorts.ascending("_id"))
                .forEach(document -> documents.put(document.get("_id"), asRead.apply(document)));
        return documents;
    }
}
