package io.contactdetails.standin;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend, its index keys ordered and stored as StandInKeys and its documents as
 * StandInDocuments. H2Database opens a collection's and an index's map by its name; a map already open under
 * that name is the one it gets, so each is opened here first, with its type. {@code StandInBackendTest}
 * checks that the maps do get theirs.
 */
public class StandInBackend extends H2Backend {
    public StandInBackend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                getMvStore().openMap(dataMapName(getFullCollectionNamespace(collectionName)),
                        new MVMap.Builder<Object, Object>().valueType(new StandInDocuments()));
                return super.openOrCreateCollection(collectionName, options);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                // a key type of its own per map, as H2 gives each: its serialized fallback keeps a size estimate
                getMvStore().openMap(indexMapName(getFullCollectionNamespace(collectionName), indexName),
                        new MVMap.Builder<KeyValue, Object>().keyType(new StandInKeys()));
                return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            }
        };
    }

    /**
     * The name mongo-java-server 1.47.0's H2Database gives a collection's documents' map (written inline there);
     * {@code StandInBackendTest} fails if the two part.
     */
    static String dataMapName(String collectionNamespace) {
        return "databases." + collectionNamespace;
    }

    /**
     * The name mongo-java-server 1.47.0's H2Database gives an index's map (its {@code mapNameForIndex}, private);
     * {@code StandInBackendTest} fails if the two part.
     */
    static String indexMapName(String collectionNamespace, String indexName) {
        return collectionNamespace + "._index_" + indexName;
    }
}
