package io.contactdetails.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactdetails.kernel.TimeOrderedIds;
import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import io.contactdetails.kernel.firm.FirmCreated;
import io.contactdetails.kernel.firm.FirmId;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Grows the event store fast, straight through JDBC, with the events the service itself writes (the same
 * records, serialized the way its Jackson serializer does): a firm, then clients that each get an email
 * as their primary. Four events per client. The fill is not measured; the replay of it is.
 */
final class Fill {
    private static final int BATCH = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = """
            INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                          payload, payloadrevision, payloadtype, timestamp)
            VALUES (?, ?, ?, ?, ?, ?, '1', ?, ?)""";

    private Fill() {
    }

    /** Appends about {@code events} events (whole clients of four) and returns how many were written. */
    static long events(String jdbcUrl, long events) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl + "&reWriteBatchedInserts=true", "postgres", "")) {
            connection.setAutoCommit(false);
            FirmId firm = FirmId.random();
            AccountId employee = AccountId.random();
            byte[] metadata = JSON.writeValueAsBytes(Map.of("sub", "benchmark-fill",
                    "acting_account_uuid", employee.toString(), "firm_uuid", firm.toString(), "request_id", "fill"));
            long written = 0;
            try (PreparedStatement insert = connection.prepareStatement(INSERT);
                 PreparedStatement directory = connection.prepareStatement(
                         "INSERT INTO account_directory (account_uuid, firm_uuid, type) VALUES (?, ?, ?)")) {
                add(insert, firm.toString(), 0, "Firm", metadata, new FirmCreated(firm, "Benchmark fill"));
                add(insert, employee.toString(), 0, "Account", metadata,
                        new AccountCreated(employee, firm, AccountType.EMPLOYEE, "Fill", "Employee"));
                addDirectory(directory, employee, firm, AccountType.EMPLOYEE);
                written += 2;
                int pending = 2;
                for (long client = 0; written + 4 <= events; client++) {
                    AccountId account = AccountId.random();
                    ContactDetailId email = ContactDetailId.random();
                    String value = "fill" + client + "@bench.example";
                    add(insert, account.toString(), 0, "Account", metadata,
                            new AccountCreated(account, firm, AccountType.CLIENT, "Client", Long.toString(client)));
                    addDirectory(directory, account, firm, AccountType.CLIENT);
                    add(insert, email.toString(), 0, "ContactDetail", metadata, new ContactDetailCreated(email, firm,
                            ContactType.EMAIL, "Home", value, null, List.of(account)));
                    add(insert, account.toString(), 1, "Account", metadata,
                            new ContactDetailAttached(account, email, ContactType.EMAIL, "Home", value, null));
                    add(insert, account.toString(), 2, "Account", metadata,
                            new PrimaryAssigned(account, ContactType.EMAIL, email, PrimaryReason.FIRST_OF_ITS_TYPE));
                    written += 4;
                    pending += 4;
                    if (pending >= BATCH) {
                        insert.executeBatch();
                        directory.executeBatch();
                        connection.commit();
                        pending = 0;
                    }
                }
                insert.executeBatch();
                directory.executeBatch();
                connection.commit();
            }
            vacuum(connection);
            return written;
        }
    }

    /**
     * A store grown through the service is vacuumed and analysed as it grows, a little at a time. Rows added at once
     * set off PostgreSQL's autovacuum and autoanalyze of the whole table instead, which ran into the growth run after
     * the fill's replay (BENCHMARKS.md, twenty-seventh round). The fill does that upkeep itself, as PostgreSQL's
     * "Populating a Database" advises after a bulk load, before anything is measured.
     */
    private static void vacuum(Connection connection) throws Exception {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE) domainevententry, account_directory");
        }
    }

    private static void add(PreparedStatement insert, String aggregate, long sequence, String type, byte[] metadata,
                            Object payload) throws Exception {
        insert.setString(1, aggregate);
        insert.setLong(2, sequence);
        insert.setString(3, type);
        insert.setString(4, TimeOrderedIds.next().toString());
        insert.setBytes(5, metadata);
        insert.setBytes(6, JSON.writeValueAsBytes(payload));
        insert.setString(7, payload.getClass().getName());
        insert.setString(8, Instant.now().toString());
        insert.addBatch();
    }

    private static void addDirectory(PreparedStatement directory, AccountId account, FirmId firm, AccountType type)
            throws Exception {
        directory.setObject(1, account.value());
        directory.setObject(2, firm.value());
        directory.setString(3, type.wireName());
        directory.addBatch();
    }
}
