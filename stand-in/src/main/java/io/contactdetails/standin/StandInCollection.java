package io.contactdetails.standin;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A collection of the stand-in whose stored documents an update or a find-and-modify never changes in place.
 * mongo-java-server changes the document an update finds field by field, and answers a read with the stored
 * documents themselves, encoded for the wire after the collection's lock is released: a read that met an update
 * saw part of it (a version without the field written with it), or failed to encode and lost its connection.
 * Here an update finds copies, changes one and stores it in the document's place, so what a read was given stays
 * as it was. A copy of the document's own fields is enough: mongo-java-server computes an update's result from a
 * deep copy and puts its values in, so the nested documents of the one found are replaced, never changed. (An
 * aggregation's {@code $addFields} of a nested document does change the stored one; the read models use none.)
 */
final class StandInCollection extends H2Collection {
    /**
     * Set while an update or a find-and-modify holds the collection's lock: the documents it finds are copies. A
     * count reads it without the lock, which is harmless: it neither keeps nor sends what it finds.
     */
    private boolean handingOutCopies;

    StandInCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        return onCopies(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog));
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        return onCopies(() -> super.findAndModify(query));
    }

    /** {@code command} (holding the lock) given copies of the documents it finds. */
    private Document onCopies(Supplier<Document> command) {
        boolean outer = handingOutCopies;
        handingOutCopies = true;
        try {
            return command.get();
        } finally {
            handingOutCopies = outer;
        }
    }

    /**
     * Not kept: mongo-java-server sizes a collection by encoding every document a write inserts, changes or deletes,
     * and writes the sum to the file with it, for collStats' {@code size} (0 here), which nothing here asks for.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** A file written by an earlier version still holds the size it kept then: answered as none rather than stale. */
    @Override
    protected int getDataSize() {
        return 0;
    }

    @Override
    protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
        List<Document> found = handingOutCopies
                ? matchedDocuments.stream().map(Document::new).collect(Collectors.toList()) : matchedDocuments;
        return super.createQueryResult(found, batchSize);
    }
}
