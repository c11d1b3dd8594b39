package io.contactdetails.query.infrastructure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A read-model collection that a projection reads and writes one processor batch at a time: the documents the
 * batch's events fold into are loaded with one {@code $in} when the batch first touches the collection, folded in
 * memory, and written with one unordered {@code bulkWrite} after the batch's last event ({@link #flushBatch}, called
 * by the processor's interceptor, before Axon stores the batch's token). A document of the batch's own events that
 * the load did not find is inserted, where an upsert would first look it up and build it from an update (on the
 * stand-in, about as much again as adding it). Only the processor of its stream creates it, so an insert that meets
 * one comes from a replica still running a batch after its claim lapsed: that batch fails rather than replace what
 * the new owner created (its updates of documents that existed are not fenced so). Outside a processor batch (a
 * test, the verifier) every change is written at once.
 *
 * @param <S> the state a document holds
 */
public final class BatchedCollection<S> {
    private static final String BATCH_RESOURCE = BatchedCollection.class.getName();
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final ReplaceOptions REPLACE_UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> collection;
    private final Function<S, String> idOf;
    private final Function<S, Document> toDocument;
    private final Function<Document, S> fromDocument;
    private final Function<Object, Optional<String>> documentOfEvent;
    private final List<IndexModel> indexes;
    private final BiFunction<String, S, Document> alongside;

    /**
     * @param documentOfEvent the id of the document an event payload folds into, if this collection's projection
     *                        handles it: what a batch loads up front
     * @param indexes         the collection's indexes besides {@code _id}'s, created here and again after
     *                        {@link #deleteAll()}
     */
    public BatchedCollection(MongoCollection<Document> collection, Function<S, String> idOf,
                             Function<S, Document> toDocument, Function<Document, S> fromDocument,
                             Function<Object, Optional<String>> documentOfEvent, List<IndexModel> indexes) {
        this(collection, idOf, toDocument, fromDocument, documentOfEvent, indexes, null);
    }

    /**
     * For documents other writers add fields to: their states' fields are set rather than the documents replaced.
     *
     * @param alongside fields the state does not hold that a batch inserts a new document with, asked for when it
     *                  does (null: none)
     */
    public BatchedCollection(MongoCollection<Document> collection, Function<S, String> idOf,
                             Function<S, Document> toDocument, Function<Document, S> fromDocument,
                             Function<Object, Optional<String>> documentOfEvent, List<IndexModel> indexes,
                             BiFunction<String, S, Document> alongside) {
        this.collection = collection;
        this.idOf = idOf;
        this.toDocument = toDocument;
        this.fromDocument = fromDocument;
        this.documentOfEvent = documentOfEvent;
        this.indexes = List.copyOf(indexes);
        this.alongside = alongside;
        createIndexes();
    }

    public Optional<S> find(String id) {
        Pending<S> pending = pending();
        return pending == null ? load(id) : pending.states.computeIfAbsent(id, this::load);
    }

    public void save(S state) {
        write(idOf.apply(state), Optional.of(state));
    }

    /**
     * Folds an event into the stored state, if there is one: {@code fold} answers the next state, the same
     * one when the event changes nothing (a redelivery), or null when the state ends (the document goes).
     */
    public void fold(String id, UnaryOperator<S> fold) {
        find(id).ifPresent(state -> {
            S next = fold.apply(state);
            if (next == null) {
                delete(id);
            } else if (next != state) {
                save(next);
            }
        });
    }

    public void delete(String id) {
        write(id, Optional.empty());
    }

    /**
     * Empties the collection by dropping it and creating its indexes again. A {@code deleteMany} removes one
     * document at a time with its index entries, on MongoDB as on the stand-in: 20 s for the read models of
     * 890,000 events before a replay. A read running meanwhile may fail rather than find nothing (its cursor goes
     * with the collection); a replica is not ready while it replays. One never written is left alone: the stand-in
     * answers the drop of a collection it does not have with an error in its log.
     */
    public void deleteAll() {
        if (collection.estimatedDocumentCount() > 0) {
            collection.drop();
        }
        createIndexes();
    }

    private void createIndexes() {
        if (!indexes.isEmpty()) {
            collection.createIndexes(indexes);
        }
    }

    private void write(String id, Optional<S> state) {
        Pending<S> pending = pending();
        if (pending == null) {
            collection.bulkWrite(List.of(model(id, state)));
            return;
        }
        pending.states.put(id, state);
        pending.changed.add(id);
    }

    private Optional<S> load(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(fromDocument);
    }

    /**
     * A document no other writer touches is replaced whole; one that others add fields to has its state's fields set,
     * every one of them, null or not. On the stand-in a replace costs about a fifth less.
     */
    private WriteModel<Document> model(String id, Optional<S> state) {
        return state.<WriteModel<Document>>map(s -> {
                    Document fields = toDocument.apply(s);
                    if (alongside == null) {
                        return new ReplaceOneModel<>(Filters.eq("_id", id), fields, REPLACE_UPSERT);
                    }
                    fields.remove("_id");
                    return new UpdateOneModel<>(Filters.eq("_id", id), new Document("$set", fields), UPSERT);
                })
                .orElseGet(() -> new DeleteOneModel<>(Filters.eq("_id", id)));
    }

    private WriteModel<Document> insert(String id, S state) {
        Document document = toDocument.apply(state).append("_id", id);
        Document also = alongside == null ? null : alongside.apply(id, state);
        if (also != null) {
            document.putAll(also);
        }
        return new InsertOneModel<>(document);
    }

    /** This collection's changes in the current processor batch, loaded up front on first use; null outside one. */
    @SuppressWarnings("unchecked")
    private Pending<S> pending() {
        BatchingUnitOfWork<?> batch = currentBatch();
        if (batch == null) {
            return null;
        }
        Map<BatchedCollection<?>, Pending<?>> collections = batch.getOrComputeResource(BATCH_RESOURCE,
                key -> new LinkedHashMap<>());
        return (Pending<S>) collections.computeIfAbsent(this, self -> preload(batch));
    }

    /** The processor batch being handled on this thread; null outside one. */
    static BatchingUnitOfWork<?> currentBatch() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch
                ? batch : null;
    }

    private Pending<S> preload(BatchingUnitOfWork<?> batch) {
        Set<String> ids = batch.getMessages().stream().map(message -> documentOfEvent.apply(message.getPayload()))
                .flatMap(Optional::stream).collect(Collectors.toSet());
        Pending<S> pending = new Pending<>();
        ids.forEach(id -> pending.states.put(id, Optional.empty()));
        pending.absent.addAll(ids);
        if (!ids.isEmpty()) {
            collection.find(Filters.in("_id", ids)).forEach(document -> {
                String id = document.getString("_id");
                pending.states.put(id, Optional.of(fromDocument.apply(document)));
                pending.absent.remove(id);
            });
        }
        return pending;
    }

    private void flush(Pending<S> pending) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        pending.changed.forEach(id -> {
            Optional<S> state = pending.states.get(id);
            if (!pending.absent.contains(id)) {
                writes.add(model(id, state));
            } else {
                state.ifPresent(created -> writes.add(insert(id, created)));
            }
        });
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, UNORDERED);
        }
    }

    /**
     * Writes what the batch of {@code unitOfWork} changed in every collection, one bulk write per collection, then
     * runs the {@link AfterBatchWrites} the batch's handlers added.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void flushBatch(UnitOfWork<?> unitOfWork) {
        Map<BatchedCollection<?>, Pending<?>> collections = unitOfWork.root().getResource(BATCH_RESOURCE);
        if (collections != null) {
            collections.forEach((collection, pending) -> ((BatchedCollection) collection).flush(pending));
            collections.clear();
        }
        AfterBatchWrites.run(unitOfWork);
    }

    /**
     * One id is loaded, and written, at most once per batch; {@code changed} keeps the order of first change,
     * {@code absent} the ids of the batch's own events that no document had when the batch loaded them.
     */
    private static final class Pending<S> {
        final Map<String, Optional<S>> states = new HashMap<>();
        final Set<String> absent = new HashSet<>();
        final Set<String> changed = new LinkedHashSet<>();
    }
}
