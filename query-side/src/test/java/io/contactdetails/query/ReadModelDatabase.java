package io.contactdetails.query;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.util.function.Consumer;

/** A throw-away in-memory MongoDB (the wire protocol, for the real driver) for projection tests. */
public final class ReadModelDatabase implements AutoCloseable {
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    public final MongoDatabase database;

    public ReadModelDatabase() {
        this(new CommandListener() {
        });
    }

    /** With {@code started} told of every command the driver sends: what a test needs to see how a read is done. */
    public static ReadModelDatabase watching(Consumer<CommandStartedEvent> started) {
        return new ReadModelDatabase(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                started.accept(event);
            }
        });
    }

    private ReadModelDatabase(CommandListener listener) {
        var address = server.bind();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .addCommandListener(listener)
                .build());
        database = client.getDatabase("contact_details_test");
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }
}
