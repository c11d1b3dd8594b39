package io.contactdetails.query.infrastructure;

import com.mongodb.client.MongoClient;
import io.contactdetails.http.security.OperatorRoute;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * The read models and their processor's tokens live in one MongoDB database, so a read-model write that is
 * lost (the embedded stand-in writes its file between batches, not at each write) rewinds with its token instead of
 * being skipped.
 */
@Configuration
@EnableConfigurationProperties({ReadStoreProperties.class, ProjectionSegments.class})
public class ReadStore {
    public static final String PROCESSING_GROUP = "read-models";
    public static final String HANDLER_FAILURES = "contact_details.projection.failures";
    /**
     * Events per processor batch at most: a batch costs one $in, one bulkWrite per collection and one token write,
     * and a live processor's batches hold only the events already there. A replay of 1,000,000 events: 16,400-17,866
     * events/s with 100, 19,567 with 500, 20,047 with 1,000 (BENCHMARKS.md). 1,000 failed a replay in an earlier
     * round, when batches on the stand-in ran 10-65 s and Axon's 60 s limit on a unit of work interrupted one;
     * Axon's timeouts are off now, and such a batch takes 0.05-0.4 s.
     */
    public static final String BATCH_SIZE = "${contact-details.projection.batch-size:1000}";

    @Bean
    public MongoDatabase readModelDatabase(MongoClient client, ReadStoreProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    public TokenStore tokenStore(MongoClient client, Serializer serializer, ReadStoreProperties properties,
                                 ProjectionSegments segments) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, properties.database()).build())
                .serializer(serializer)
                .nodeId(SegmentShare.REPLICA)
                .claimTimeout(segments.claimTimeout())
                .build();
    }

    /** Replays act on every firm's read models: they are the platform operator's. */
    @Bean
    public OperatorRoute operations() {
        return OperatorRoute.anyMethod("/api/v2/operations/**");
    }

    /**
     * Projections are idempotent, so batching (a batch re-run after a crash) is safe and much cheaper.
     * <p>
     * The processor's token is stored after its batch's writes, never before: given a transaction manager (the
     * application's, for PostgreSQL) Axon stores the token first, trusting one transaction to hold the token and the
     * handlers' writes; MongoDB is not in it, so a crash mid-batch would leave a stored token past writes never made.
     * <p>
     * The projections write a batch's documents once, after its last event ({@link BatchedCollection}), which is still
     * before Axon stores the token (in the batch's prepare-commit). A failure there fails the batch like a handler's, and
     * shows in the processor's log only.
     * <p>
     * A failing handler fails its batch (nothing skipped, the token not stored) and the processor retries it with
     * back-off, logging each failure; {@value #HANDLER_FAILURES} counts them. Axon's default logs and skips the event.
     * <p>
     * The processor runs in segments, so that query-side replicas share the work ({@link SegmentShare}).
     * Events are split by aggregate (Axon's default sequencing policy) and every read-model document is folded from the
     * events of one aggregate only, so each document still sees its events in order; the copies of an account's
     * primaries, written from two aggregates' events, are ordered by their versions instead (its {@code PrimaryCopies}).
     */
    @Autowired
    public void configureProcessor(EventProcessingConfigurer configurer, MeterRegistry meters,
                                   @Value(BATCH_SIZE) int batchSize, ProjectionSegments segments) {
        Counter failures = Counter.builder(HANDLER_FAILURES).tag("processing_group", PROCESSING_GROUP)
                .description("Read-model event handler failures; each fails its batch, which is retried with back-off")
                .register(meters);
        configurer.registerTrackingEventProcessorConfiguration(PROCESSING_GROUP,
                        config -> processorConfiguration(segments, batchSize))
                .registerTransactionManager(PROCESSING_GROUP, config -> NoTransactionManager.instance())
                .registerHandlerInterceptor(PROCESSING_GROUP, config -> (unitOfWork, chain) -> {
                    Object result = chain.proceed();
                    if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                        BatchedCollection.flushBatch(unitOfWork);
                    }
                    return result;
                })
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> (exception, event, handler) -> {
                    failures.increment();
                    PropagatingErrorHandler.instance().onError(exception, event, handler);
                });
    }

    /**
     * A thread per segment and one more. With a thread per segment only, Axon 4.13's launcher runs the last segment it
     * claims on its own thread; shut down just after that claim (as a replay does, at any moment), it drops the segment
     * without giving its thread back, and once started again the processor has a thread too few: one segment is never
     * processed and a replay waited for it for ever (ProcessorRestartTest; AxonFramework issues 2293 and 2848). With a
     * spare thread the launcher keeps to claiming, once every claim interval, and runs a segment itself only if a
     * thread is lost another way (rarer still: Replay fails then rather than wait). The replica left standing projects
     * every segment.
     */
    public static TrackingEventProcessorConfiguration processorConfiguration(ProjectionSegments segments, int batchSize) {
        return TrackingEventProcessorConfiguration.forParallelProcessing(segments.segments() + 1)
                .andInitialSegmentsCount(segments.segments())
                .andTokenClaimInterval(segments.claimInterval().toMillis(), TimeUnit.MILLISECONDS)
                .andBatchSize(batchSize);
    }
}
