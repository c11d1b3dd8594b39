package io.contactdetails.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

/**
 * What the stores do raw, measured beside the service in the same run: the rows a create request appends,
 * inserted with plain JDBC in one transaction per request, and the read-model writes a create causes,
 * upserted with the driver by one writer (as the projection is one).
 */
final class RawLimits {
    /** A create appends about this many events: created, attached, assigned (and revoked when it flips). */
    static final int ROWS_PER_REQUEST = 3;
    private static final byte[] PAYLOAD = ("{\"contactDetailId\":\"" + UUID.randomUUID() + "\",\"firmId\":\""
            + UUID.randomUUID() + "\",\"type\":\"email\",\"name\":\"Home\",\"value\":\"someone@bench.example\","
            + "\"phoneNumberMeta\":null,\"accountIds\":[\"" + UUID.randomUUID() + "\"]}").getBytes();
    private static final byte[] METADATA = ("{\"sub\":\"bench\",\"acting_account_uuid\":\"" + UUID.randomUUID()
            + "\",\"request_id\":\"" + UUID.randomUUID() + "\",\"correlationId\":\"" + UUID.randomUUID() + "\"}").getBytes();

    private RawLimits() {
    }

    static Load.Result postgres(String jdbcUrl, int clients, Duration duration) throws Exception {
        try (Connection setup = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = setup.createStatement()) {
            // a sequence of its own: LIKE ... INCLUDING ALL copies the event table's default, and the event store's
            // sequence then jumped by every row inserted here (150,000 in a default run), a gap its next replay paid for
            statement.execute("CREATE TABLE IF NOT EXISTS raw_events (LIKE domainevententry INCLUDING ALL EXCLUDING DEFAULTS)");
            statement.execute("CREATE SEQUENCE IF NOT EXISTS raw_events_globalindex_seq OWNED BY raw_events.globalindex");
            statement.execute("ALTER TABLE raw_events ALTER COLUMN globalindex SET DEFAULT nextval('raw_events_globalindex_seq')");
        }
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                connection.setAutoCommit(false);
                return connection;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return Load.closed("PostgreSQL raw: " + ROWS_PER_REQUEST + " rows per transaction, c=" + clients, clients, duration,
                sequence -> {
                    Connection connection = connections.get();
                    try (PreparedStatement insert = connection.prepareStatement("""
                            INSERT INTO raw_events (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                    payload, payloadrevision, payloadtype, timestamp)
                            VALUES (?, ?, 'Account', ?, ?, ?, '1', 'io.contactdetails.kernel.contactdetail.ContactDetailCreated', ?)""")) {
                        String aggregate = UUID.randomUUID().toString();
                        for (int row = 0; row < ROWS_PER_REQUEST; row++) {
                            insert.setString(1, aggregate);
                            insert.setLong(2, row);
                            insert.setString(3, UUID.randomUUID().toString());
                            insert.setBytes(4, METADATA);
                            insert.setBytes(5, PAYLOAD);
                            insert.setString(6, java.time.Instant.now().toString());
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        connection.commit();
                        return true;
                    }
                });
    }

    /** The writes the projection makes for one create: the contact detail, and the owner's primary. */
    static Load.Result mongo(String uri, Duration duration) throws Exception {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> accounts = client.getDatabase("raw_limits").getCollection("accounts");
            MongoCollection<Document> details = client.getDatabase("raw_limits").getCollection("contact_details");
            return Load.closed("MongoDB stand-in raw: 4 writes per request, one writer", 1, duration, sequence -> {
                String account = "account-" + (sequence % 1000);
                String detail = UUID.randomUUID().toString();
                Date now = new Date();
                details.updateOne(Filters.eq("_id", detail), Updates.combine(Updates.setOnInsert("value", "x@bench.example"),
                        Updates.setOnInsert("account_uuids", java.util.List.of(account)), Updates.setOnInsert("created_at", now)),
                        new UpdateOptions().upsert(true));
                accounts.updateOne(Filters.eq("_id", account), Updates.set("updated_at", now), new UpdateOptions().upsert(true));
                accounts.updateOne(Filters.eq("_id", account), Updates.set("primary_email", detail));
                details.updateOne(Filters.eq("_id", detail), Updates.addToSet("primary_account_uuids", account));
                return true;
            });
        }
    }
}
