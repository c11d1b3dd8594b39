package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import io.contactdetails.http.resource.StreamReads;
import io.contactdetails.query.QuerySideApplication;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write answers with the states of the streams it touched; a stream it did not append to itself is read from
 * the event store after commit, and every such read is one query. Axon's JDBC engine by default reads a stream until a batch comes back empty, a second
 * query for every stream of every answer. Nor is a read wrapped in a transaction of its own: the COMMIT
 * that would end it is one more round trip to the database for every stream of every answer.
 */
class StreamReadsTest {
    private static StandaloneService service;

    /** Counts the statements this test's thread prepares through Axon's connections (processors use them too). */
    @Component
    static class CountingConnections implements BeanPostProcessor {
        static final AtomicInteger prepared = new AtomicInteger();
        static final AtomicInteger preparedInATransaction = new AtomicInteger();
        static volatile Thread counted;

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (!(bean instanceof ConnectionProvider provider)) {
                return bean;
            }
            return (ConnectionProvider) () -> {
                Connection connection = provider.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare") && Thread.currentThread() == counted) {
                                prepared.incrementAndGet();
                                if (!connection.getAutoCommit()) {
                                    preparedInATransaction.incrementAndGet();
                                }
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            };
        }
    }

    /**
     * Counts the reads of each stream, by the stream's aggregate identifier, from any thread, and keeps which streams
     * each read (one query) covered.
     */
    @Component
    static class CountingStreamReads implements BeanPostProcessor {
        static final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
        static final List<Set<String>> readCalls = new CopyOnWriteArrayList<>();

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (!(bean instanceof EventStorageEngine engine)) {
                return bean;
            }
            return Proxy.newProxyInstance(EventStorageEngine.class.getClassLoader(),
                    new Class<?>[]{EventStorageEngine.class, StreamReads.class}, (proxy, method, args) -> {
                        if (method.getName().equals("readEvents") && args.length == 2
                                && args[0] instanceof String stream) {
                            record(Set.of(stream));
                        } else if (method.getName().equals("read") && args.length == 1) {
                            record(((Map<?, ?>) args[0]).keySet().stream().map(String.class::cast)
                                    .collect(Collectors.toSet()));
                        }
                        try {
                            return method.invoke(engine, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private static void record(Set<String> streams) {
            readCalls.add(streams);
            streams.forEach(stream -> reads.computeIfAbsent(stream, counted -> new AtomicInteger()).incrementAndGet());
        }

        static void clear() {
            reads.clear();
            readCalls.clear();
        }

        static int of(String stream) {
            AtomicInteger count = reads.get(stream);
            return count == null ? 0 : count.get();
        }

        /** The reads (one query each) that read any of {@code streams}, by the streams each read. */
        static List<Set<String>> reading(String... streams) {
            return readCalls.stream().filter(read -> Arrays.stream(streams).anyMatch(read::contains)).toList();
        }
    }

    @BeforeAll
    static void start() {
        service = StandaloneService.start(List.of(CountingConnections.class, CountingStreamReads.class),
                RunningService.arguments(RunningService.newDataDirectory()));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void readingAStreamIsOneQuery() {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Read once");
        String client = firm.newClient("Gareth", "Thompson");
        String detail = firm.api().post("/api/v2/contact-details", Bodies.seed(List.of(client))).body()
                .path("uuid").asText();
        EventStorageEngine engine = service.context().getBean(EventStorageEngine.class);

        assertThat(queries(() -> assertThat(engine.readEvents(client, 0).asStream().count())
                .isGreaterThanOrEqualTo(2))).isEqualTo(1);
        assertThat(queries(() -> assertThat(engine.readEvents(detail, 0).asStream().count()).isEqualTo(1)))
                .isEqualTo(1);
    }

    /**
     * A point-in-time read of an account folds its stream up to the instant, then the streams of the primaries it
     * held then, read together as a write's answer reads them: one query for both, not one per stream.
     */
    @Test
    void aPointInTimeReadReadsTheAccountsPrimariesInOneQuery() {
        ClientWithPrimaries given = clientWithPrimaries("Read as it was");
        CountingStreamReads.clear();

        Api.Response then = given.firm().api().get("/api/v2/accounts/" + given.client() + "?as_of=" + Instant.now());

        assertThat(then.status()).isEqualTo(200);
        given.assertShownAndReadTogether(then.body());
    }

    /**
     * A query side run on its own (its application context, as its exec jar builds it, here on the standalone's
     * stores) reads the event store with the same engine as the standalone and the command side: a stream in one
     * query, not read on until a batch comes back empty (its history and point-in-time reads), and the events after
     * a token in one query (its processor's fetches), each with no transaction around it.
     */
    @Test
    void aQuerySideOnItsOwnReadsAStreamAndTheEventsAfterATokenInOneQueryEachOutsideATransaction() {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Read once elsewhere");
        String client = firm.newClient("Gareth", "Thompson");
        Environment stores = service.context().getEnvironment();
        try (ConfigurableApplicationContext querySide = new SpringApplicationBuilder(QuerySideApplication.class,
                CountingConnections.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + stores.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + stores.getProperty("spring.datasource.username"),
                "--spring.datasource.password=",
                "--spring.data.mongodb.uri=" + stores.getProperty("spring.data.mongodb.uri"),
                "--contact-details.mongodb.database=query_side_of_its_own",
                "--contact-details.jwt.secret=" + RunningService.SECRET)) {
            EventStorageEngine engine = querySide.getBean(EventStorageEngine.class);
            TrackingToken before = engine.createHeadToken();
            firm.api().post("/api/v2/contact-details", Bodies.seed(List.of(client)));
            CountingConnections.preparedInATransaction.set(0);

            assertThat(queries(() -> assertThat(engine.readEvents(client, 0).asStream().count())
                    .isGreaterThanOrEqualTo(2))).as("a stream").isEqualTo(1);
            assertThat(queries(() -> assertThat(engine.readEvents(before, false).count()).isGreaterThanOrEqualTo(2)))
                    .as("the events after a token").isEqualTo(1);
            assertThat(CountingConnections.preparedInATransaction.get()).as("in a transaction").isZero();
        }
    }

    /** The statements {@code read} prepares on this thread. */
    private static int queries(Runnable read) {
        CountingConnections.prepared.set(0);
        CountingConnections.counted = Thread.currentThread();
        try {
            read.run();
            return CountingConnections.prepared.get();
        } finally {
            CountingConnections.counted = null;
        }
    }

    /**
     * A write answers with the streams it appended to folded from its own events onto the states kept from the
     * write before, with or without an Idempotency-Key (a request with one runs in a transaction of its own, and
     * what it keeps is kept when that commits: the request after it finds it).
     */
    @Test
    void aWritesAnswerDoesNotReadBackTheStreamsItAppendedTo() {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Answered unread");
        String client = firm.newClient("Gareth", "Thompson");
        firm.api().post("/api/v2/contact-details", Bodies.email("first@example.com", List.of(client), true));

        for (String key : Arrays.asList(null, "a-key", null)) {
            CountingStreamReads.clear();
            HttpRequest.Builder request = firm.api().builder("/api/v2/contact-details")
                    .header("Content-Type", "application/json")
                    .POST(Api.json(Bodies.email(UUID.randomUUID() + "@example.com", List.of(client), true)));
            Api.Response created = firm.api().send(key == null ? request : request.header("Idempotency-Key", key));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.body().at("/accounts/0/primary_email/uuid").asText()).isEqualTo(created.text("uuid"));
            assertThat(CountingStreamReads.of(created.text("uuid"))).as("the new detail's stream, key " + key).isZero();
            assertThat(CountingStreamReads.of(client)).as("its owner's stream, key " + key).isZero();
        }
    }

    @Test
    void severalStreamsAreReadInOneQueryEachFromItsOwnSequenceNumber() {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Read from");
        String client = firm.newClient("Gareth", "Thompson");
        String detail = firm.api().post("/api/v2/contact-details", Bodies.seed(List.of(client))).text("uuid");
        StreamReads engine = (StreamReads) service.context().getBean(EventStorageEngine.class);
        List<Long> clientsSequence = ((EventStorageEngine) engine).readEvents(client, 0).asStream()
                .map(DomainEventMessage::getSequenceNumber).toList();
        Map<String, DomainEventStream> read = new HashMap<>();

        assertThat(queries(() -> read.putAll(engine.read(Map.of(client, 1L, detail, 0L))))).isEqualTo(1);
        assertThat(clientsSequence).hasSizeGreaterThanOrEqualTo(2);
        assertThat(read.get(client).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactlyElementsOf(clientsSequence.subList(1, clientsSequence.size()));
        assertThat(read.get(detail).asStream().map(DomainEventMessage::getSequenceNumber).toList()).containsExactly(0L);
        assertThat(engine.read(Map.of(detail, 1L))).isEmpty();
    }

    /**
     * An answer shows each owner with its primaries; those the write did not append to are read after it, all in
     * one query (one per stream before: a contact detail created for a client with a primary email and a primary
     * phone number read the two apart).
     */
    @Test
    void theStreamsAWritesAnswerReadAreReadInOneQuery() {
        ClientWithPrimaries given = clientWithPrimaries("Read together");
        CountingStreamReads.clear();

        Api.Response created = given.firm().api().post("/api/v2/contact-details",
                Bodies.email("second@example.com", List.of(given.client()), false));

        assertThat(created.status()).isEqualTo(201);
        given.assertShownAndReadTogether(created.body().at("/accounts/0"));
    }

    /** A client of a new firm holding a primary email and a primary phone number. */
    private static ClientWithPrimaries clientWithPrimaries(String firmName) {
        Tenants.Firm firm = new Tenants(service.port()).newFirm(firmName);
        String client = firm.newClient("Gareth", "Thompson");
        String email = firm.api().post("/api/v2/contact-details", Bodies.email("first@example.com", List.of(client), true))
                .text("uuid");
        String phone = firm.api().post("/api/v2/contact-details", Bodies.seed(List.of(client))).text("uuid");
        return new ClientWithPrimaries(firm, client, email, phone);
    }

    private record ClientWithPrimaries(Tenants.Firm firm, String client, String email, String phone) {
        /** {@code account} shows both primaries, whose streams were read in one query since the count was cleared. */
        void assertShownAndReadTogether(JsonNode account) {
            assertThat(account.at("/primary_email/uuid").asText()).isEqualTo(email);
            assertThat(account.at("/primary_phone_number/uuid").asText()).isEqualTo(phone);
            assertThat(CountingStreamReads.reading(email, phone)).containsExactly(Set.of(email, phone));
        }
    }

    /**
     * A tailing reader (the event store's, for the processors in this process) fetches when an append commits:
     * one query when it finds the new events and one when there are none. Axon's engine reads a window of
     * {@code batchSize} indexes, then the next (empty), then asks for the lowest index beyond it.
     */
    @Test
    void readingTheEventsAfterATokenToTheHeadIsOneQuery() {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Tailed once");
        String client = firm.newClient("Gareth", "Thompson");
        EventStorageEngine engine = service.context().getBean(EventStorageEngine.class);
        TrackingToken before = engine.createHeadToken();
        firm.api().post("/api/v2/contact-details", Bodies.seed(List.of(client)));
        TrackingToken head = engine.createHeadToken();

        assertThat(queries(() -> assertThat(engine.readEvents(before, false).count()).isGreaterThanOrEqualTo(2)))
                .as("new events").isEqualTo(1);
        assertThat(queries(() -> assertThat(engine.readEvents(head, false).count()).isZero()))
                .as("none").isEqualTo(1);
    }

    /** A token's gap that has since been filled is read with what comes after the token, in order. */
    @Test
    void aFilledGapIsReadBeforeTheEventsAfterTheToken() {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Gap filled");
        String client = firm.newClient("Gareth", "Thompson");
        EventStorageEngine engine = service.context().getBean(EventStorageEngine.class);
        TrackingToken before = engine.createHeadToken();
        firm.api().post("/api/v2/contact-details", Bodies.seed(List.of(client)));
        firm.api().post("/api/v2/contact-details", Bodies.email("second@example.com", List.of(client), false));
        List<? extends TrackedEventMessage<?>> appended = engine.readEvents(before, false).toList();
        assertThat(appended).hasSizeGreaterThanOrEqualTo(3);

        TrackedEventMessage<?> filled = appended.get(0);
        TrackedEventMessage<?> last = appended.get(appended.size() - 1);
        TrackingToken withGap = GapAwareTrackingToken.newInstance(
                index(appended.get(appended.size() - 2).trackingToken()), List.of(index(filled.trackingToken())));
        assertThat(engine.readEvents(withGap, false).map(TrackedEventMessage::getIdentifier).toList())
                .containsExactly(filled.getIdentifier(), last.getIdentifier());
    }

    /**
     * Every stored event, in order, across batches and across an index no event holds (an append that rolled back
     * took it): a batch that comes back short is the end of what is stored, not a window with a hole in it.
     */
    @Test
    void everyEventIsReadInOrderAcrossBatchesAndUnusedIndexes() throws Exception {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Read in full");
        String client = firm.newClient("Gareth", "Thompson");
        try (Connection connection = service.context().getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement()) {
            for (int i = 0; i < 60; i++) {
                if (i % 20 == 0) {
                    statement.execute("SELECT nextval(pg_get_serial_sequence('domainevententry', 'globalindex'))");
                }
                firm.api().post("/api/v2/contact-details", Bodies.email("e" + i + "@example.com", List.of(client), i % 2 == 0));
            }
            ResultSet stored = statement.executeQuery("SELECT count(*) FROM domainevententry");
            stored.next();
            EventStorageEngine engine = service.context().getBean(EventStorageEngine.class);
            List<Long> read = engine.readEvents(null, false).map(event -> index(event.trackingToken())).toList();

            assertThat(stored.getLong(1)).isGreaterThan(200);
            assertThat(read).hasSize((int) stored.getLong(1)).isSorted().doesNotHaveDuplicates();
        }
    }

    private static long index(TrackingToken token) {
        return ((GapAwareTrackingToken) token).getIndex();
    }

    @Test
    void aStreamIsReadWithoutATransactionOfItsOwn() {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Read alone");
        String client = firm.newClient("Gareth", "Thompson");
        EventStorageEngine engine = service.context().getBean(EventStorageEngine.class);

        CountingConnections.counted = Thread.currentThread();
        try {
            CountingConnections.preparedInATransaction.set(0);
            assertThat(engine.readEvents(client, 0).asStream().count()).isGreaterThanOrEqualTo(1);
            assertThat(engine.lastSequenceNumberFor(client)).isPresent();
            assertThat(CountingConnections.preparedInATransaction.get()).isZero();
        } finally {
            CountingConnections.counted = null;
        }
    }
}
