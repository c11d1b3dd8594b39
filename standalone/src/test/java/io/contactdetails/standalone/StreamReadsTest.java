package io.contactdetails.standalone;

import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write answers with the states of the streams it touched, each read from the event store after commit; every
 * such read is one query. Axon's JDBC engine by default reads a stream until a batch comes back empty, a second
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
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            };
        }
    }

    @BeforeAll
    static void start() {
        service = StandaloneService.start(List.of(CountingConnections.class),
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

        CountingConnections.prepared.set(0);
        CountingConnections.counted = Thread.currentThread();
        try {
            assertThat(engine.readEvents(client, 0).asStream().count()).isGreaterThanOrEqualTo(2);
            assertThat(CountingConnections.prepared.getAndSet(0)).isEqualTo(1);
            assertThat(engine.readEvents(detail, 0).asStream().count()).isEqualTo(1);
            assertThat(CountingConnections.prepared.getAndSet(0)).isEqualTo(1);
        } finally {
            CountingConnections.counted = null;
        }
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
