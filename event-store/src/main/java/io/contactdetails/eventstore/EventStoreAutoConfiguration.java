package io.contactdetails.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * The one event storage engine for every process of the service, whichever sides it holds: the standalone jar, the
 * command side and a query side of its own read the store alike. Declared before Axon's JDBC auto-configuration,
 * whose own engine steps back when this one exists.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@ConditionalOnBean(DataSource.class)
public class EventStoreAutoConfiguration {

    /**
     * Tells the JDBC storage engine which failed append was a lost race. Axon's default resolver looks for a
     * SQLIntegrityConstraintViolationException, which the PostgreSQL driver never throws (it reports SQLState
     * 23505, unique_violation): without this, two instances appending to one account gave a 500, not a retry.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * The JDBC storage engine as Axon's auto-configuration builds it, except that its reads end at their first short
     * batch (see PostgresEventStorageEngine) and run without a transaction of their own (see ReadsWithoutTransactions);
     * it reads several streams in one query ({@link io.contactdetails.http.resource.StreamReads}).
     */
    @Bean
    PostgresEventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver resolver,
                                                  @Qualifier("eventSerializer") Serializer eventSerializer,
                                                  org.axonframework.config.Configuration configuration,
                                                  ConnectionProvider connectionProvider,
                                                  TransactionManager transactionManager) {
        return PostgresEventStorageEngine.of(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(resolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(new ReadsWithoutTransactions(transactionManager))
                .schema(new EventSchema()));
    }
}
