package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import io.contactdetails.http.AppendNotifications;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

import javax.sql.DataSource;
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
 * In a process holding both sides, the event store's reader already knows of the process's own appends; the
 * notification its command side sends for other processes must not wake it a second time (each wake-up is
 * two queries of the event table: the fetch that finds the new events and the reader's next, which finds none).
 * Another process's notification still wakes it.
 */
class EventsAppendedTest {
    private static StandaloneService service;
    private static final AtomicInteger wakeUps = new AtomicInteger();
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
    void ownAppendsDoNotWakeTheReaderTwiceAndAnotherProcesssDo() throws Exception {
        wakeUps.set(0);
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Notified");
        String client = firm.newClient("Gareth", "Thompson");
        assertThat(firm.api().post("/api/v2/contact-details", Bodies.seed(List.of(client))).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> firm.api().get("/api/v2/accounts/" + client).body()
                .path("primary_phone_number").has("uuid"));
        // the notification is sent after the commit and arrives within milliseconds; none may wake the reader
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3)).until(() -> wakeUps.get() == 0);

        try (Connection connection = service.context().getBean(DataSource.class).getConnection();
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
     * A notification costs the appending process a round trip and PostgreSQL a transaction (0.8 per create at
     * concurrency 8): it is sent only while another process listens, which a listener says by the name of its
     * connection.
     */
    @Test
    void noNotificationIsSentWhileNoOtherProcessListens() throws Exception {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Unheard");
        String client = firm.newClient("Gareth", "Thompson");
        try (Connection bystander = connection()) {
            listen(bystander);
            for (int i = 0; i < 3; i++) {
                assertThat(firm.api().post("/api/v2/contact-details",
                        Bodies.email("unheard" + i + "@example.com", List.of(client), true)).status()).isEqualTo(201);
            }
            // sent after the commit, a notification arrives within milliseconds
            assertThat(notifications(bystander, 1_500)).isEmpty();
        }
    }

    @Test
    void aListenerOfAnotherProcessIsNotified() throws Exception {
        Tenants.Firm firm = new Tenants(service.port()).newFirm("Heard");
        String client = firm.newClient("Gareth", "Thompson");
        try (Connection otherProcess = connection()) {
            try (Statement statement = otherProcess.createStatement()) {
                statement.execute("SET application_name = '"
                        + AppendNotifications.listenerName(UUID.randomUUID().toString()) + "'");
            }
            listen(otherProcess);
            AtomicInteger sent = new AtomicInteger();
            // the appending process learns of a new listener within a second; until then the listener's poll finds the events
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                assertThat(firm.api().post("/api/v2/contact-details", Bodies.email(
                        "heard" + sent.incrementAndGet() + "@example.com", List.of(client), true)).status()).isEqualTo(201);
                return notifications(otherProcess, 200).stream()
                        .anyMatch(notification -> notification.getParameter().equals(AppendNotifications.THIS_PROCESS));
            });
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

    private static Connection connection() throws SQLException {
        DataSourceProperties properties = service.context().getBean(DataSourceProperties.class);
        return DriverManager.getConnection(properties.determineUrl(), properties.determineUsername(),
                properties.determinePassword());
    }

    private static void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + AppendNotifications.CHANNEL);
        }
    }

    private static List<PGNotification> notifications(Connection connection, int waitMillis) throws SQLException {
        PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(waitMillis);
        return received == null ? List.of() : List.of(received);
    }

    private static long index(TrackingToken token) {
        return ((GapAwareTrackingToken) token).getIndex();
    }
}
