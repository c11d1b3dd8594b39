package io.contactdetails.query.infrastructure;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * A listener that cannot listen retries every second until it can, which on a standby (no LISTEN there) is for
 * ever: it says so once, not at every try.
 */
class ListenerRetriesTest {
    @Test
    void aListenerThatCannotListenWarnsOnceWhileItRetries() throws IOException {
        DataSourceProperties unreachable = new DataSourceProperties();
        unreachable.setUrl("jdbc:postgresql://127.0.0.1:" + closedPort() + "/contact_details");
        unreachable.setUsername("contact_details");
        Logger logger = (Logger) LoggerFactory.getLogger(EventsAppended.class);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        logger.setLevel(Level.DEBUG);
        EventsAppended listener = new EventsAppended(mock(EventStore.class), unreachable);
        try {
            listener.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> logged.list.size() >= 3);
        } finally {
            listener.stop();
            logger.detachAppender(logged);
            logger.setLevel(level);
        }
        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN).hasSize(1);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
