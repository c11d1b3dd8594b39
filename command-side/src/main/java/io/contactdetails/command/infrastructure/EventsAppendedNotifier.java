package io.contactdetails.command.infrastructure;

import io.contactdetails.http.AppendNotifications;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells processes that tail the events (the query side's {@code EventsAppended} listens on the same channel) that
 * events were appended, once the appending transaction has committed, so that they fetch now rather than at their
 * next poll. Not from inside that transaction (a trigger did it first): a transaction that notifies holds a
 * server-wide lock through its commit, which serialized every append and cut PostgreSQL's commits at
 * concurrency 8 from about 4,200/s to about 1,050/s (pgbench, fsync on). Sent from a connection of its own after
 * commit, in autocommit; requests that commit while one is being sent share the next.
 * <p>
 * Even so a notification is a round trip and a PostgreSQL transaction (0.8 per create at concurrency 8), wasted
 * when only this process listens, as in a standalone holding both sides. So it is sent only while another process
 * listens: a listening connection names its process ({@link AppendNotifications#listenerName}), and
 * {@code pg_stat_activity}, which shows every connection's name to every role (whatever {@code track_activities}
 * says), is asked again at most once a second. A listener that has just connected may miss the appends of that
 * second; its poll finds them. Where a role may not read that view (granted to every role unless revoked), this
 * process notifies after every append as if another listened, since none would hear it otherwise.
 * <p>
 * This process's own reader hears of an append from Axon when the command's unit of work commits, which for a
 * request sent with an Idempotency-Key is before the request's transaction commits the events with the key: that
 * reader finds nothing and would wait for its next poll, a second later. So when Axon announced the events before
 * they committed, the reader is woken again once they have; a plain write is announced by Axon after its commit
 * and is not.
 */
@Component
public class EventsAppendedNotifier implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EventsAppendedNotifier.class);

    private static final long LISTENERS_CHECKED_EVERY_NANOS = Duration.ofSeconds(1).toNanos();
    private static final String OTHER_LISTENERS = "SELECT EXISTS (SELECT FROM pg_stat_activity"
            + " WHERE datname = current_database() AND starts_with(application_name, ?) AND application_name <> ?)";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final DataSourceProperties dataSource;
    private final Semaphore appended = new Semaphore(0);
    private volatile Thread sender;
    private boolean activityReadable = true;

    public EventsAppendedNotifier(EventStore eventStore, DataSourceProperties dataSource) {
        this.dataSource = dataSource;
        eventStore.registerDispatchInterceptor(events -> {
            if (AppendNotifications.isWakeUp(events)) {
                return (index, event) -> event;
            }
            AtomicBoolean announcedUncommitted = new AtomicBoolean();
            CurrentUnitOfWork.ifStarted(
                    unitOfWork -> unitOfWork.root().afterCommit(done -> announcedUncommitted.set(true)));
            AfterCommit.run(() -> {
                appended.release();
                if (announcedUncommitted.get()) {
                    AppendNotifications.wakeReader(eventStore);
                }
            });
            return (index, event) -> event;
        });
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::send, "events-appended-notifier");
        thread.setDaemon(true);
        sender = thread;
        thread.start();
    }

    private void send() {
        while (isRunning()) {
            try (Connection connection = DriverManager.getConnection(dataSource.determineUrl(),
                    dataSource.determineUsername(), dataSource.determinePassword());
                 Statement statement = connection.createStatement();
                 PreparedStatement otherListeners = connection.prepareStatement(OTHER_LISTENERS)) {
                otherListeners.setString(1, AppendNotifications.LISTENER_NAME_PREFIX);
                otherListeners.setString(2, AppendNotifications.listenerName(AppendNotifications.THIS_PROCESS));
                boolean othersListen = false;
                long nextCheck = System.nanoTime();
                while (isRunning()) {
                    appended.acquire();
                    appended.drainPermits();
                    if (System.nanoTime() - nextCheck >= 0) {
                        othersListen = othersListen(otherListeners);
                        nextCheck = System.nanoTime() + LISTENERS_CHECKED_EVERY_NANOS;
                    }
                    if (othersListen) {
                        statement.execute("SELECT pg_notify('" + AppendNotifications.CHANNEL + "', '"
                                + AppendNotifications.THIS_PROCESS + "')");
                    }
                }
            } catch (SQLException e) {
                log.warn("Could not notify appended events; readers still find them at their next poll: {}", e.getMessage());
                pause();
            } catch (InterruptedException stopping) {
                sender = null;
            }
        }
    }

    /** Whether another process listens: as if one did once this role was refused the view, until it restarts. */
    private boolean othersListen(PreparedStatement otherListeners) throws SQLException {
        if (!activityReadable) {
            return true;
        }
        try (ResultSet result = otherListeners.executeQuery()) {
            return result.next() && result.getBoolean(1);
        } catch (SQLException e) {
            if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw e;
            }
            log.warn("Notifying appended events after every append: this role may not read pg_stat_activity to see "
                    + "whether another process listens ({})", e.getMessage());
            activityReadable = false;
            return true;
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException stopping) {
            sender = null;
        }
    }

    @Override
    public void stop() {
        Thread thread = sender;
        sender = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }
}
