package io.contactdetails.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the stores nobody configured, before the application context reads its properties: a real
 * PostgreSQL from the zonky binaries (durable: fsync and synchronous_commit on) and mongo-java-server on an
 * H2 file, both under the data directory so that a restart finds everything again. Neither stops by itself when
 * the JVM exits: {@link StandaloneService} closes them after the application context, so that the event
 * processors never run on stopped stores.
 */
final class EmbeddedStores implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedStores.class);

    private EmbeddedPostgres postgres;
    private MongoServer mongo;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        DataDirectory dataDirectory = DataDirectory.from(environment);
        Map<String, Object> properties = new HashMap<>();
        properties.put(DataDirectory.SECRET_PROPERTY, dataDirectory.jwtSecret(environment.getProperty(DataDirectory.SECRET_PROPERTY)));
        try {
            Files.createDirectories(dataDirectory.root());
            if (isBlank(environment.getProperty("spring.datasource.url"))) {
                LeftoverPostgres.stop(dataDirectory.postgres());
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory.postgres())
                        .setCleanDataDirectory(false)
                        // shutdown hooks run concurrently: one of its own would stop it under the running processors
                        .setRegisterShutdownHook(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .start();
                properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
                properties.put("spring.datasource.username", "postgres");
                properties.put("spring.datasource.password", "");
                log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory.postgres());
            }
            if (isBlank(environment.getProperty("MONGODB_URI")) && isBlank(environment.getProperty("spring.data.mongodb.uri"))) {
                mongo = new MongoServer(new H2Backend(dataDirectory.mongo().toString()));
                InetSocketAddress address = mongo.bind();
                properties.put("spring.data.mongodb.uri", "mongodb://127.0.0.1:" + address.getPort());
                log.info("Embedded MongoDB stand-in on port {} with data in {}", address.getPort(), dataDirectory.mongo());
            } else if (isBlank(environment.getProperty("spring.data.mongodb.uri"))) {
                properties.put("spring.data.mongodb.uri", environment.getProperty("MONGODB_URI"));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot start the embedded stores in " + dataDirectory.root(), e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("embedded-stores", properties));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public void close() {
        if (mongo != null) {
            mongo.shutdown();
            mongo = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
            postgres = null;
        }
    }
}
