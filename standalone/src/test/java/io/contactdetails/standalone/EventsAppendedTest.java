package io.contactdetails.standalone;

import io.contactdetails.command.infrastructure.EventsAppendedNotifier;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import io.contactdetails.http.AppendNotifications;
import io.contactdetails.query.infrastructure.EventsAppended;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command side notifies appended events only while another process listens, and in a process holding both sides
 * the event store's reader already knows of the process's own appends: its notification must not wake it a second
 * time (each wake-up is two queries of the event table: the fetch that finds the new events and the reader's next,
 * which finds none). Another process's notification still wakes it.
 */
class EventsAppendedTest {
    private static StandaloneService service;
    private static final AtomicInteger wakeUps = new AtomicInteger();
    private static final AtomicInteger detailsCreated = new AtomicInteger();
    /** The last event committed when the reader was last woken. */
    private static final AtomicLong headAtWakeUp = new AtomicLong();

    @BeforeAll
    static void start() {
        service = StandaloneService.start(RunningService.arguments(RunningService.newDataDirectory()));
        // the listener wakes the reader by publishing no events
        EventStorageEngine engine = service.context().getBean(EventStorageEngine.class);
        service.context().getBean(EventStore.class).registerDispatchInterceptor(events -> {
            if (AppendNotifications.isWakeUp(events)) {
                wakeUps.incrementAndGet();
                headAtWakeUp.set(index(engine.createHeadToken()));
            }
            return (index, event) -> event;
        });
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void ownAppendsDoNotWakeTheReaderTwiceButAnotherProcessesDo() throws Exception {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Notified");
        String client = firm.newClient("Gareth", "Thompson");
        try (Connection otherProcess = listenerOfAnotherProcess()) {
            // this process notifies only once it has seen another's listener
            awaitNotifiedOfCreates(firm, client, otherProcess);
            // so that what it hears next is the notification of the create below
            notifications(otherProcess, 300);
            wakeUps.set(0);
            assertThat(firm.api().post("/api/v2/contact-details", Bodies.seed(List.of(client))).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> firm.api().get("/api/v2/accounts/" + client).body()
                    .path("primary_phone_number").has("uuid"));
            assertThat(notifications(otherProcess, 5_000)).as("this process's notification of the create").isNotEmpty();
            // it arrives within milliseconds of the commit; none may wake the reader
            await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3)).until(() -> wakeUps.get() == 0);
        }

        try (Connection connection = connection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_notify('events_appended', 'another-process')");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> wakeUps.get() == 1);
    }

    /**
     * A request sent with an Idempotency-Key commits its events with its key, after the command's unit of work
     * (when Axon tells the reader): the reader, woken before they were visible, would find them only at its next
     * poll, a second later. It is woken again once they have committed, and only then.
     */
    @Test
    void aKeyedWriteWakesTheReaderOnceItHasCommitted() {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Keyed");
        String client = firm.newClient("Gareth", "Thompson");
        wakeUps.set(0);
        Api.Response created = firm.api().send(firm.api().builder("/api/v2/contact-details")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(Api.json(Bodies.email("keyed@example.com", List.of(client), true))));
        assertThat(created.status()).isEqualTo(201);
        long committed = index(service.context().getBean(EventStorageEngine.class).createHeadToken());

        assertThat(wakeUps.get()).isEqualTo(1);
        assertThat(headAtWakeUp.get()).as("the last event committed when the reader was woken").isEqualTo(committed);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> firm.api().get("/api/v2/contact-details/" + created.text("uuid")).status() == 200);
    }

    /**
     * A notification costs the appending process a round trip and PostgreSQL a transaction: it is sent only while
     * another process listens, which a listener says by the name of its connection.
     */
    @Test
    void noNotificationIsSentWhileNoOtherProcessListens() throws Exception {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Unheard");
        String client = firm.newClient("Gareth", "Thompson");
        try (Connection bystander = bystander()) {
            awaitSilenceAfterCreates(firm, client, bystander);
        }
    }

    @Test
    void aListenerOfAnotherProcessIsNotifiedUntilItLeaves() throws Exception {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Heard");
        String client = firm.newClient("Gareth", "Thompson");
        try (Connection otherProcess = listenerOfAnotherProcess()) {
            awaitNotifiedOfCreates(firm, client, otherProcess);
        }
        try (Connection bystander = bystander()) {
            awaitSilenceAfterCreates(firm, client, bystander);
        }
    }

    /** A command side whose role may not read {@code pg_stat_activity} cannot tell; it notifies as if another listened. */
    @Test
    void aCommandSideThatMayNotSeeTheListenersNotifiesAfterEveryAppend() throws Exception {
        DataSourceProperties withoutActivity = new DataSourceProperties();
        // the embedded store's URL names its user, which would override this one
        withoutActivity.setUrl(service.context().getBean(DataSourceProperties.class).determineUrl().replaceFirst("\\?.*", ""));
        withoutActivity.setUsername("without_activity");
        withoutActivity.setPassword("without-activity");
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        EventsAppendedNotifier notifier = new EventsAppendedNotifier(eventStore, withoutActivity);
        try (Connection admin = connection(); Statement statement = admin.createStatement();
             Connection bystander = bystander()) {
            statement.execute("CREATE ROLE without_activity LOGIN PASSWORD 'without-activity'");
            statement.execute("REVOKE SELECT ON pg_catalog.pg_stat_activity FROM PUBLIC");
            try (ResultSet readable = statement.executeQuery(
                    "SELECT has_table_privilege('without_activity', 'pg_catalog.pg_stat_activity', 'SELECT')")) {
                assertThat(readable.next() && readable.getBoolean(1)).as("the role reads pg_stat_activity").isFalse();
            }
            try {
                notifier.start();
                eventStore.publish(GenericEventMessage.asEventMessage("appended"));
                assertThat(notifications(bystander, 5_000)).as("the notification of the append").isNotEmpty();

                // its connection lost, it connects again (the append that finds it lost goes unnotified, as the
                // poll finds it) and notifies on the new one as well
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'without_activity'");
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    eventStore.publish(GenericEventMessage.asEventMessage("appended again"));
                    return !notifications(bystander, 500).isEmpty();
                });
            } finally {
                statement.execute("GRANT SELECT ON pg_catalog.pg_stat_activity TO PUBLIC");
                notifier.stop();
                eventStore.shutDown();
            }
        }
    }

    /** The name by which other processes' command sides know that this one listens (and this one's ignores it). */
    @Test
    void theListenersConnectionIsNamedForItsProcess() throws Exception {
        try (Connection connection = connection();
             PreparedStatement named = connection.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            named.setString(1, AppendNotifications.listenerName(AppendNotifications.THIS_PROCESS));
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                try (ResultSet result = named.executeQuery()) {
                    return result.next() && result.getInt(1) == 1;
                }
            });
        }
    }

    /** Creates until {@code listener} hears of them: a command side learns of a new listener within a second. */
    private static void awaitNotifiedOfCreates(Tenants.Firm firm, String client, Connection listener) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            create(firm, client);
            return notifications(listener, 200).stream()
                    .anyMatch(notification -> notification.getParameter().equals(AppendNotifications.THIS_PROCESS));
        });
    }

    /**
     * Creates until {@code bystander} hears nothing in 1.5 s after them (a notification arrives within milliseconds
     * of the commit): a command side may remember for up to a second a listener that has left.
     */
    private static void awaitSilenceAfterCreates(Tenants.Firm firm, String client, Connection bystander) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (int i = 0; i < 3; i++) {
                create(firm, client);
            }
            return notifications(bystander, 1_500).isEmpty();
        });
    }

    private static void create(Tenants.Firm firm, String client) {
        assertThat(firm.api().post("/api/v2/contact-details", Bodies.email(
                "notified" + detailsCreated.incrementAndGet() + "@example.com", List.of(client), true)).status()).isEqualTo(201);
    }

    private static Connection listenerOfAnotherProcess() throws SQLException {
        Connection connection = connection();
        EventsAppended.listen(connection, UUID.randomUUID().toString());
        return connection;
    }

    private static Connection connection() throws SQLException {
        DataSourceProperties properties = service.context().getBean(DataSourceProperties.class);
        return DriverManager.getConnection(properties.determineUrl(), properties.determineUsername(),
                properties.determinePassword());
    }

    /** Listens on the channel under no listener's name. */
    private static Connection bystander() throws SQLException {
        Connection connection = connection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + AppendNotifications.CHANNEL);
        }
        return connection;
    }

    private static List<PGNotification> notifications(Connection connection, int waitMillis) throws SQLException {
        PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(waitMillis);
        return received == null ? List.of() : List.of(received);
    }

    private static long index(TrackingToken token) {
        return ((GapAwareTrackingToken) token).getIndex();
    }
}
