package io.contactdetails.http;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL channel on which a command side tells the processes tailing the events that it appended some
 * (the command side's {@code EventsAppendedNotifier} sends, the query side's {@code EventsAppended} listens). Each
 * notification names the process that sent it, so that a process holding both sides, whose event store already
 * saw its own appends, is not woken a second time. A listening connection is named for its process
 * ({@link #listenerName}), so that a command side sends only while another process listens.
 */
public final class AppendNotifications {
    public static final String CHANNEL = "events_appended";
    /** This process, as its notifications name it. */
    public static final String THIS_PROCESS = UUID.randomUUID().toString();

    /** How every listening connection's name starts. */
    public static final String LISTENER_NAME_PREFIX = "contact-details listener ";

    private AppendNotifications() {
    }

    /**
     * The name of a process's listening connection, as PostgreSQL's {@code pg_stat_activity} shows it. PostgreSQL
     * keeps 63 bytes of a name and this one, with a UUID, takes 61: cut short, a process would no longer know its
     * own listener and would notify for it.
     */
    public static String listenerName(String process) {
        return LISTENER_NAME_PREFIX + process;
    }

    /**
     * Makes this process's event store fetch as after one of its own appends: publishing no events writes nothing
     * and runs no handler, but wakes its reader.
     */
    public static void wakeReader(EventStore eventStore) {
        eventStore.publish(List.of());
    }

    /** Whether a publication is a {@link #wakeReader} rather than an append. */
    public static boolean isWakeUp(List<? extends EventMessage<?>> published) {
        return published.isEmpty();
    }
}
