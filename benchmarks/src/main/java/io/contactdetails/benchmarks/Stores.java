package io.contactdetails.benchmarks;

import de.bwaldvogel.mongo.MongoServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The same embedded stores the standalone jar starts by default (durable PostgreSQL, mongo-java-server on
 * H2), started here so that the benchmark can also reach them directly for fills and raw limits.
 */
final class Stores implements AutoCloseable {
    final EmbeddedPostgres postgres;
    final MongoServer mongo;
    final CountingBackend mongoBackend;
    final Path postgresData;
    final String mongoUri;

    Stores(Path directory) throws IOException {
        postgresData = directory.resolve("postgres");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(postgresData)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .start();
        mongoBackend = new CountingBackend(directory.resolve("mongo.mv").toString());
        mongo = new MongoServer(mongoBackend);
        mongoUri = "mongodb://127.0.0.1:" + mongo.bind().getPort();
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        mongo.shutdown();
        postgres.close();
    }
}
