package io.contactdetails.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.contactdetails.query.infrastructure.ReadStore;
import io.contactdetails.standin.StandInBackend;
import io.contactdetails.standin.StandInFileStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
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
import java.time.Duration;
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

    private static final Duration CATCHING_UP_PERSIST_INTERVAL = Duration.ofSeconds(1);

    private EmbeddedPostgres postgres;
    private MongoServer mongo;
    private H2Backend mongoBackend;
    private FileWrites fileWrites;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        DataDirectory dataDirectory = DataDirectory.from(environment);
        fileWrites = new FileWrites(Integer.parseInt(environment.resolvePlaceholders(ReadStore.BATCH_SIZE)),
                CATCHING_UP_PERSIST_INTERVAL, System.nanoTime());
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
                mongoBackend = new StandInBackend(StandInFileStore.builder(dataDirectory.mongo().toString())
                        // written only by persistReadModels(): see there why never on a timer or a memory threshold
                        .autoCommitDisabled().autoCommitBufferSize(0)
                        .open());
                mongo = new MongoServer(mongoBackend);
                InetSocketAddress address = mongo.bind();
                properties.put("spring.data.mongodb.uri", "mongodb://127.0.0.1:" + address.getPort());
                // One segment: a second one cost more CPU per replayed event than it gained with a 2 GB heap
                // (BENCHMARKS.md, tenth round). Its batch could then be midway when the file is written, which would
                // hold some of its writes without its token, never its token without them (StandInBackend#commit).
                // Nothing else can share this file, so there is no replica to hand a segment to either.
                properties.put("contact-details.projection.segments", "1");
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

    /**
     * Writes the MongoDB stand-in's file ({@link StandInBackend#commit()}: each command whole, none midway; it says
     * why). When H2's own timer wrote it under load, the file held a token past read-model inserts it did not hold,
     * and documents without their {@code _id} index entry: after a kill -9 the first were skipped for good and the
     * second failed every upsert. Written only here, by the read-model processor between two batches (nothing
     * else writes the read models), the file is a state the processor was in, and a crash rewinds the token together
     * with the writes it loses.
     */
    void persistReadModels() {
        if (mongoBackend != null) {
            mongoBackend.commit();
        }
    }

    /**
     * Calls {@link #persistReadModels()} after a batch of the read-model processor, once its token is stored, when
     * {@link FileWrites} says so: a crash while catching up loses up to {@link #CATCHING_UP_PERSIST_INTERVAL} of
     * read-model writes and rewinds their token with them.
     */
    ConfigurerModule persistingReadModelsBetweenBatches() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                ReadStore.PROCESSING_GROUP, configuration -> (unitOfWork, chain) -> {
                    if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
                        unitOfWork.afterCommit(committed -> persistReadModels());
                    } else if (batch.isFirstMessage()) {
                        unitOfWork.afterCommit(committed -> persistAfterBatchOf(batch.getMessages().size()));
                    }
                    return chain.proceed();
                }));
    }

    private void persistAfterBatchOf(int events) {
        if (fileWrites.due(events, System.nanoTime())) {
            persistReadModels();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public void close() {
        if (mongo != null) {
            mongo.shutdown();
            mongo = null;
            mongoBackend = null;
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
