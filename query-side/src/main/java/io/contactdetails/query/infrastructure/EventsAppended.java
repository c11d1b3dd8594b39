package io.contactdetails.query.infrastructure;

import io.contactdetails.http.AppendNotifications;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Wakes the event store's reader when another process appends events. Axon's embedded event store notices its own
 * process's appends at once but others' only at its next poll (a second apart), which was the read model's lag with
 * the two sides in separate processes. The command side notifies {@value AppendNotifications#CHANNEL} after each append commits (its
 * {@code EventsAppendedNotifier}, which sends only while a connection named as a listener of another process is
 * open); a connection of its own listens here and wakes the store's reader ({@link AppendNotifications#wakeReader}).
 * The poll stays, as the fallback while that connection is re-established or not yet seen by a command side.
 */
@Component
public class EventsAppended implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EventsAppended.class);
    private static final int WAIT_MILLIS = 1_000;

    private final EventStore eventStore;
    private final DataSourceProperties dataSource;
    private volatile Thread listener;

    public EventsAppended(EventStore eventStore, DataSourceProperties dataSource) {
        this.eventStore = eventStore;
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::listen, "events-appended-listener");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    private void listen() {
        boolean failing = false;
        while (isRunning()) {
            try (Connection connection = DriverManager.getConnection(dataSource.determineUrl(),
                    dataSource.determineUsername(), dataSource.determinePassword())) {
                listen(connection, AppendNotifications.THIS_PROCESS);
                log.info("Listening for appended events as '{}'",
                        AppendNotifications.listenerName(AppendNotifications.THIS_PROCESS));
                failing = false;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (isRunning()) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && Arrays.stream(received).anyMatch(EventsAppended::fromAnotherProcess)) {
                        AppendNotifications.wakeReader(eventStore);
                    }
                }
            } catch (SQLException e) {
                if (isRunning()) {
                    // on a standby, which takes no LISTEN, this is every second for ever
                    if (failing) {
                        log.debug("Still not listening for appended events: {}", e.getMessage());
                    } else {
                        log.warn("Not listening for appended events; the event store's poll still finds them. "
                                + "Trying again every second, saying so once it listens: {}", e.getMessage());
                    }
                    failing = true;
                    pause();
                }
            }
        }
    }

    /** Listens on the channel, then names the connection for {@code process}: named is listening. */
    public static void listen(Connection connection, String process) throws SQLException {
        try (Statement statement = connection.createStatement();
             PreparedStatement name = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
            statement.execute("LISTEN " + AppendNotifications.CHANNEL);
            name.setString(1, AppendNotifications.listenerName(process));
            name.execute();
        }
    }

    /** This process's own appends reached its event store's reader before their notification did. */
    private static boolean fromAnotherProcess(PGNotification notification) {
        return !AppendNotifications.THIS_PROCESS.equals(notification.getParameter());
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            listener = null;
        }
    }

    @Override
    public void stop() {
        Thread thread = listener;
        listener = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }
}
