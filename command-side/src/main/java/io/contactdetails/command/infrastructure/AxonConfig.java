package io.contactdetails.command.infrastructure;

import io.contactdetails.command.DomainRejection;
import io.contactdetails.command.account.infrastructure.AccountDirectory;
import io.contactdetails.command.account.model.Account;
import io.contactdetails.http.resource.EventStoreStates;
import io.contactdetails.http.resource.StreamReads;
import io.contactdetails.http.security.OperatorRoute;
import org.springframework.http.HttpMethod;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.serialization.Serializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.Executors;

@Configuration
public class AxonConfig {

    /**
     * A concurrent append to the same account (from another instance) surfaces as a ConcurrencyException;
     * retrying the whole command re-reads the account and decides again, so a race costs latency, not a 409.
     * Not inside a request's own transaction (one sent with an Idempotency-Key): a retry on another thread
     * would commit apart from it, so there the race is answered 409 and the client retries with its key.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        RetryScheduler intervals = IntervalRetryScheduler.builder()
                .retryExecutor(Executors.newSingleThreadScheduledExecutor())
                .retryInterval(20)
                .maxRetryCount(3)
                .nonTransientFailurePredicate(failure -> failure instanceof DomainRejection
                        || failure instanceof IllegalArgumentException
                        || failure instanceof AxonNonTransientException)
                .build();
        RetryScheduler outsideRequestTransactions = (command, failure, failures, dispatch) ->
                !TransactionSynchronizationManager.isActualTransactionActive()
                        && intervals.scheduleRetry(command, failure, failures, dispatch);
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(outsideRequestTransactions).build();
    }

    /**
     * Axon's default snapshotter runs inside the committing unit of work and needs a second connection
     * while the aggregate's lock is held; under load every pooled connection can belong to a request queued
     * on that lock, and both wait until timeouts. Taking snapshots on their own thread breaks that cycle; there
     * each takes the account from its repository as a command does, usually from memory. It serializes with the
     * serializer the storage engine reads snapshots with (the default one), taken as a bean rather than from the
     * engine, which tests may wrap in a proxy.
     */
    @Bean
    public RepositorySnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                      EventStore eventStore, Serializer defaultSerializer,
                                                      TransactionManager transactionManager) {
        return RepositorySnapshotter.of(configuration::repository, eventStore, defaultSerializer,
                transactionManager,
                Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "account-snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    /** Accounts gather events with every contact detail change; a snapshot every N keeps loading flat. */
    @Bean
    public SnapshotTriggerDefinition accountSnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${contact-details.snapshot.account-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Accounts kept in memory between commands: a create would otherwise read each owner's snapshot and the
     * events after it. Declared here, not on the aggregate, because the cache is checked against the stream on
     * every load (see StreamCheckedCachingRepository); at most {@code maximumSize} accounts are kept.
     */
    @Bean
    public Repository<Account> accountRepository(EventStore eventStore, SnapshotTriggerDefinition accountSnapshotTrigger,
                                                 org.axonframework.config.Configuration configuration,
                                                 ParameterResolverFactory parameterResolverFactory,
                                                 HandlerDefinition handlerDefinition,
                                                 @Value("${contact-details.cache.accounts:10000}") long maximumSize) {
        return StreamCheckedCachingRepository.of(EventSourcingRepository.builder(Account.class)
                .snapshotTriggerDefinition(accountSnapshotTrigger)
                .repositoryProvider(configuration::repository)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition), eventStore, maximumSize);
    }

    /**
     * What a write answers with: the states of what it touched, folded from the events it committed. Not the
     * aggregates' state (they keep only what their decisions need), not the read model (behind, or absent).
     * Up to {@code keptStates} accounts and as many contact details are kept between writes, each once the
     * transaction it was folded in commits (a request sent with an Idempotency-Key runs in one of its own).
     */
    @Bean
    public EventStoreStates writtenStates(StreamReads streams,
                                          @Value("${contact-details.cache.states:20000}") long keptStates) {
        return EventStoreStates.latest(streams, keptStates, AfterCommit::run);
    }

    /** Opening a firm is the platform operator's act; every other write acts as an account of a firm. */
    @Bean
    public OperatorRoute openingFirms() {
        return new OperatorRoute(HttpMethod.POST, "/api/v2/firms");
    }

    /** The directory must commit with the events that change it, so it runs in the publishing transaction. */
    @Autowired
    public void subscribeDirectory(EventProcessingConfigurer configurer) {
        configurer.registerSubscribingEventProcessor(AccountDirectory.PROCESSING_GROUP);
    }
}
