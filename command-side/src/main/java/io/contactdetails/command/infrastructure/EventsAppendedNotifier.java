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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells processes that tail the events (the query side's {@code EventsAppended} listens on the same channel) that
 * events were appended, once the appending transaction has committed, so that they fetch now rather than at their
 * next poll. Not from inside that transaction (a trigger did it first): a transaction that notifies holds a
 * database-wide lock through its commit, which serialized every append and cut PostgreSQL's commits at
 * concurrency 8 from about 4,200/s to about 1,050/s (pgbench, fsync on). Sent from a connection of its own after
 * commit, in autocommit, it cost nothing measurable; requests that commit while one is being sent share the next.
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

    private final DataSourceProperties dataSource;
    private final Semaphore appended = new Semaphore(0);
    private volatile Thread sender;

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
                 Statement statement = connection.createStatement()) {
                while (isRunning()) {
                    appended.acquire();
                    appended.drainPermits();
                    statement.execute("SELECT pg_notify('" + AppendNotifications.CHANNEL + "', '"
                            + AppendNotifications.THIS_PROCESS + "')");
                }
            } catch (SQLException e) {
                log.warn("Could not notify appended events; readers still find them at their next poll: {}", e.getMessage());
                pause();
            } catch (InterruptedException stopping) {
                sender = null;
            }
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
