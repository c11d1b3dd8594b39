package io.contactdetails.query.infrastructure;

import com.mongodb.client.MongoClient;
import io.contactdetails.http.security.OperatorRoute;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The read models and their processor's tokens live in one MongoDB database, so a read-model write that is
 * lost (the embedded store flushes on a timer) rewinds with its token instead of being skipped.
 */
@Configuration
@EnableConfigurationProperties(ReadStoreProperties.class)
public class ReadStore {
    public static final String PROCESSING_GROUP = "read-models";

    @Bean
    public MongoDatabase readModelDatabase(MongoClient client, ReadStoreProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    public TokenStore tokenStore(MongoClient client, Serializer serializer, ReadStoreProperties properties) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, properties.database()).build())
                .serializer(serializer)
                .build();
    }

    /** Replays act on every firm's read models: they are the platform operator's. */
    @Bean
    public OperatorRoute operations() {
        return OperatorRoute.anyMethod("/api/v2/operations/**");
    }

    /** Projections are idempotent, so batching (a batch re-run after a crash) is safe and much cheaper. */
    @Autowired
    public void configureProcessor(EventProcessingConfigurer configurer,
                                   @Value("${contact-details.projection.batch-size:100}") int batchSize) {
        configurer.registerTrackingEventProcessorConfiguration(PROCESSING_GROUP,
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
    }
}
