package io.contactdetails.command.infrastructure;

import io.contactdetails.command.DomainRejection;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;

@Configuration
public class AxonConfig {

    /** Axon's correlation and causation ids; declared because our own provider below hides Axon's default. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Carries who/which request from each command onto the events it causes (beside Axon's correlation ids). */
    @Bean
    public CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(EventMetaData.ALL.toArray(String[]::new));
    }

    /**
     * A concurrent append to the same account (from another instance) surfaces as a ConcurrencyException;
     * retrying the whole command re-reads the account and decides again, so a race costs latency, not a 409.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(Executors.newSingleThreadScheduledExecutor())
                        .retryInterval(20)
                        .maxRetryCount(3)
                        .nonTransientFailurePredicate(failure -> failure instanceof DomainRejection
                                || failure instanceof IllegalArgumentException
                                || failure instanceof AxonNonTransientException)
                        .build())
                .build();
    }

    /** The directory must commit with the events that change it, so it runs in the publishing transaction. */
    @Autowired
    public void subscribeDirectory(EventProcessingConfigurer configurer) {
        configurer.registerSubscribingEventProcessor(AccountDirectory.PROCESSING_GROUP);
    }
}
