package io.contactdetails.standin;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * mongo-java-server's H2 backend, its index keys ordered and stored as StandInKeys, its documents as
 * StandInDocuments in StandInCollections (never changed in place by an update). H2Database opens a collection's
 * and an index's map by its name; a map already open under that name is the one it gets, so each is opened here
 * first, with its type. {@code StandInBackendTest} checks that the maps do get theirs.
 * <p>
 * {@link #commit()} writes the file while no command that writes is midway. H2 captures each map (a collection, an
 * index) at a slightly different moment: a commit made while a command ran could hold half of it (a document
 * without its index entry, some of a command's updates). Held off until each command has finished, the file holds
 * every command whole or not at all, in the order they ran. Reads do not wait (one served by the same server
 * thread as a write that waits, waits with it). H2's own commits, on its timer or past its memory threshold, do not
 * wait: the standalone turns both off.
 */
public class StandInBackend extends H2Backend {
    /** Commands that only read (and an aggregate not ending in $out or $merge): they do not wait for the file. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "killcursors",
            "listcollections", "listindexes", "listdatabases", "hello", "ismaster", "ping", "buildinfo",
            "whatsmyuri", "serverstatus", "endsessions");

    private final ReadWriteLock commands = new ReentrantReadWriteLock(true);

    public StandInBackend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (onlyReads(command.toLowerCase(Locale.ROOT), query)) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        Lock writing = commands.readLock();
        writing.lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            writing.unlock();
        }
    }

    /** {@code command} in lower case. */
    static boolean onlyReads(String command, Document query) {
        if (!command.equals("aggregate")) {
            return READS.contains(command);
        }
        return !(query.get("pipeline") instanceof List<?> stages) || stages.isEmpty()
                || !(stages.get(stages.size() - 1) instanceof Document last)
                || !(last.containsKey("$out") || last.containsKey("$merge"));
    }

    /** Writes the file once the commands that write and are midway have finished; those sent meanwhile wait. */
    @Override
    public void commit() {
        commands.writeLock().lock();
        try {
            super.commit();
        } finally {
            commands.writeLock().unlock();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                getMvStore().openMap(dataMapName(namespace),
                        new MVMap.Builder<Object, Object>().valueType(new StandInDocuments()));
                return new StandInCollection(this, collectionName, options,
                        getMvStore().openMap(dataMapName(namespace)), getMvStore().openMap(metaMapName(namespace)),
                        cursorRegistry);
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
     * The name mongo-java-server 1.47.0's H2Database gives a collection's metadata map (its size in bytes, which
     * {@link StandInCollection} no longer keeps; written inline there); {@code StandInBackendTest} fails if the two part.
     */
    static String metaMapName(String collectionNamespace) {
        return "meta." + collectionNamespace;
    }

    /**
     * The name mongo-java-server 1.47.0's H2Database gives an index's map (its {@code mapNameForIndex}, private);
     * {@code StandInBackendTest} fails if the two part.
     */
    static String indexMapName(String collectionNamespace, String indexName) {
        return collectionNamespace + "._index_" + indexName;
    }
}
