package io.contactdetails.benchmarks;

import io.contactdetails.kernel.TimeOrderedIds;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The yardstick of issue 12: {@code crud-reference/target/crud-reference.jar}, a plain CRUD Spring Boot service of
 * the same create and account read, in a JVM of its own (the same flags as the service's) on a database of its own
 * in the same PostgreSQL, warmed up as the service was and driven by the same loads right after it, so that the
 * two are compared within one run of this machine.
 */
final class CrudReference {
    private static final String DATABASE = "crud_reference";

    /** The create runs both systems are compared by: at concurrency 1, at 8 (with its CPU) and at 32. */
    record Creates(Load.Result one, Footprint.Run eight, Load.Result thirtyTwo) {
    }

    /** The read runs both systems are compared by, each with its CPU: at 500 requests/s and at concurrency 8. */
    record Reads(Footprint.Run open, Footprint.Run eight) {
    }

    record Measured(Creates create, Reads read) {
    }

    private final AtomicLong unique = new AtomicLong();
    private Http adviser;
    private List<String> clients;

    static Measured measure(Path jar, Path standaloneJar, Stores stores, Path work, int clientCount, Duration warmUp,
                            Duration duration) throws Exception {
        return new CrudReference().run(jar, standaloneJar, stores, work, clientCount, warmUp, duration);
    }

    private Measured run(Path jar, Path standaloneJar, Stores stores, Path work, int clientCount, Duration warmUp,
                         Duration duration) throws Exception {
        try (Connection postgres = DriverManager.getConnection(stores.jdbcUrl());
             Statement statement = postgres.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        String jdbcUrl = stores.postgres.getJdbcUrl("postgres", DATABASE);
        try (ServiceProcess crud = ServiceProcess.crudReference(jar, standaloneJar, jdbcUrl, Benchmarks.freePort(),
                work.resolve("crud-reference.log"))) {
            String employee = seed(jdbcUrl, clientCount);
            adviser = new Http(crud.port, crud.token("--account", employee, "--ttl-minutes", "600"), employee);
            Footprint footprint = new Footprint(List.of(crud::pid), stores.postgresData);
            Benchmarks.warmUp(warmUp, this::createOne, this::readOne);
            footprint.awaitRest();
            // in the order the service's runs were made
            Load.Result one = Load.closed("closed loop, concurrency 1", 1, duration, this::createOne);
            Footprint.Run eight = footprint.measure(() -> Load.closed("closed loop, concurrency 8", 8, duration, this::createOne));
            footprint.awaitRest();
            Load.Result thirtyTwo = Load.closed("closed loop, concurrency 32", 32, duration, this::createOne);
            Footprint.Run open = footprint.measure(() -> Load.open("open loop, 500 requests/s", 500, duration, 64, this::readOne));
            Footprint.Run readEight = footprint.measure(() -> Load.closed("closed loop, concurrency 8", 8, duration, this::readOne));
            return new Measured(new Creates(one, eight, thirtyTwo), new Reads(open, readEight));
        }
    }

    /** A firm's employee and its clients, written straight into the reference's tables; answers the employee. */
    private String seed(String jdbcUrl, int clientCount) throws Exception {
        UUID firm = TimeOrderedIds.next();
        UUID employee = TimeOrderedIds.next();
        Timestamp now = Timestamp.from(Instant.now());
        clients = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO account "
                     + "(uuid, firm_uuid, type, first_name, last_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = -1; i < clientCount; i++) {
                UUID account = i < 0 ? employee : TimeOrderedIds.next();
                insert.setObject(1, account);
                insert.setObject(2, firm);
                insert.setString(3, i < 0 ? "employee" : "client");
                insert.setString(4, i < 0 ? "Ada" : "Client");
                insert.setString(5, i < 0 ? "Lovelace" : "No " + i);
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
                insert.addBatch();
                if (i >= 0) {
                    clients.add(account.toString());
                }
            }
            insert.executeBatch();
        }
        return employee.toString();
    }

    private boolean createOne(long sequence) throws Exception {
        return Benchmarks.created(adviser, Benchmarks.newDetail(unique.incrementAndGet(),
                clients.get((int) (sequence % clients.size()))));
    }

    private boolean readOne(long sequence) throws Exception {
        return Benchmarks.readAccount(adviser, clients.get((int) (sequence % clients.size())));
    }
}
