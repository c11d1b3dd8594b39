package io.contactdetails.query.infrastructure;

import com.mongodb.client.MongoClient;
import io.contactdetails.kernel.contactdetail.PrimaryAssignedUpcaster;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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
import org.springframework.context.annotation.Configuration;

/**
 * The read models and their processor's tokens live in one MongoDB database, so a read-model write that is
 * lost (the embedded store flushes on a timer) rewinds with its token instead of being skipped.
 */
@Configuration
public class ReadStore {
    public static final String PROCESSING_GROUP = "read-models";

    @Bean
    public MongoDatabase readModelDatabase(MongoClient client,
                                           @Value("${contact-details.mongodb.database:contact_details}") String database) {
        return client.getDatabase(database);
    }

    @Bean
    public TokenStore tokenStore(MongoClient client, Serializer serializer,
                                 @Value("${contact-details.mongodb.database:contact_details}") String database) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, database).build())
                .serializer(serializer)
                .build();
    }

    /** Missing-bean conditional because the standalone process holds the command side's equal upcaster. */
    @Bean
    @ConditionalOnMissingBean
    public PrimaryAssignedUpcaster primaryAssignedUpcaster() {
        return new PrimaryAssignedUpcaster();
    }

    /** Projections are idempotent, so batching (a batch re-run after a crash) is safe and much cheaper. */
    @Autowired
    public void configureProcessor(EventProcessingConfigurer configurer,
                                   @Value("${contact-details.projection.batch-size:100}") int batchSize) {
        configurer.registerTrackingEventProcessorConfiguration(PROCESSING_GROUP,
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
    }
}
