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
import java.util.stream.Collectors;

/**
 * A collection of the stand-in whose stored documents are never changed in place. mongo-java-server changes the
 * document an update finds field by field, and answers a read with the stored documents themselves, encoded for
 * the wire after the collection's lock is released: a read that met an update saw part of it (a version without
 * the field written with it), or failed to encode and lost its connection. Here an update finds copies, changes
 * one and stores it in the document's place, so what a read was given stays as it was. A copy of the document's
 * own fields is enough: mongo-java-server computes an update's result from a deep copy and puts its values in,
 * so the nested documents of the one found are replaced, never changed.
 */
final class StandInCollection extends H2Collection {
    /** Whether the command that holds the collection's lock changes the documents it finds. */
    private boolean changing;

    StandInCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        changing = true;
        try {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            changing = false;
        }
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        changing = true;
        try {
            return super.findAndModify(query);
        } finally {
            changing = false;
        }
    }

    @Override
    protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
        return super.createQueryResult(!changing ? matchedDocuments
                : matchedDocuments.stream().map(Document::new).collect(Collectors.toList()), batchSize);
    }
}
