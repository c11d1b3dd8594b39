package io.contactdetails.query.infrastructure;

import com.mongodb.client.MongoCollection;
import io.contactdetails.query.ReadModelDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A replica holding more than its share of the segments lets the surplus go; one alone keeps them all. */
class SegmentShareTest {
    private static final ProjectionSegments SEGMENTS = new ProjectionSegments(2, Duration.ofSeconds(10), Duration.ofSeconds(1));

    private final ReadModelDatabase mongo = new ReadModelDatabase();
    private final MongoCollection<Document> replicas = mongo.database.getCollection(SegmentShare.COLLECTION);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private SegmentShare share;

    @BeforeEach
    void aReplicaHoldingBothSegments() {
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        tokens.initializeTokenSegments(ReadStore.PROCESSING_GROUP, SEGMENTS.segments());
        when(processor.processingStatus()).thenReturn(Map.of(0, mock(EventTrackerStatus.class),
                1, mock(EventTrackerStatus.class)));
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor(ReadStore.PROCESSING_GROUP, StreamingEventProcessor.class))
                .thenReturn(Optional.of(processor));
        share = new SegmentShare(mongo.database, processing, tokens, SEGMENTS);
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aReplicaAloneKeepsEverySegmentAndSaysItIsAlive() {
        share.share();

        verify(processor, never()).releaseSegment(anyInt(), anyLong(), any());
        assertThat(replicas.find(new Document("_id", SegmentShare.REPLICA)).first()).isNotNull();
    }

    @Test
    void withAnotherLiveReplicaItReleasesTheSurplusOnceForAClaimTimeout() {
        seen("other", Instant.now());

        share.share();
        share.share();

        verify(processor, times(1)).releaseSegment(1, SEGMENTS.claimTimeout().toMillis(), TimeUnit.MILLISECONDS);
        verify(processor, never()).releaseSegment(0, SEGMENTS.claimTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void aReplicaUnseenForHalfTheClaimTimeoutIsCountedOutBeforeItsClaimsLapse() {
        seen("crashed", Instant.now().minus(SEGMENTS.claimTimeout().dividedBy(2)).minusSeconds(1));

        share.share();

        verify(processor, never()).releaseSegment(anyInt(), anyLong(), any());
        assertThat(replicas.find(new Document("_id", "crashed")).first()).isNull();
    }

    private void seen(String replica, Instant at) {
        replicas.insertOne(new Document("_id", replica).append("processing_group", ReadStore.PROCESSING_GROUP)
                .append("seen_at", Date.from(at)));
    }
}
