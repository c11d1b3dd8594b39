package io.contactdetails.query.operations;

import io.contactdetails.query.infrastructure.ProjectionSegments;
import io.contactdetails.query.infrastructure.ReadStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A rebuild ends when its processor stops before it is done (the application closing): it fails, it does not wait on. */
class ReplayEndsTest {
    @Test
    void aRebuildWhoseProcessorStopsFailsInsteadOfWaitingForEver() {
        TrackingEventProcessor processor = mock(TrackingEventProcessor.class);
        EventTrackerStatus notYetMoved = mock(EventTrackerStatus.class);
        when(notYetMoved.getCurrentPosition()).thenReturn(OptionalLong.of(0));
        when(processor.processingStatus()).thenReturn(Map.of(0, notYetMoved, 1, notYetMoved));
        when(processor.isRunning()).thenReturn(false);
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor(ReadStore.PROCESSING_GROUP, TrackingEventProcessor.class))
                .thenReturn(Optional.of(processor));
        EventStore eventStore = mock(EventStore.class);
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(34));
        TokenStore tokenStore = mock(TokenStore.class);
        when(tokenStore.fetchSegments(ReadStore.PROCESSING_GROUP)).thenReturn(new int[]{0, 1});
        Replay replay = new Replay(processing, eventStore, tokenStore,
                new ProjectionSegments(2, Duration.ofSeconds(10), Duration.ofSeconds(1)), event -> {
                });

        assertThat(replay.start()).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> !replay.progress().isRunning());
        assertThat(replay.progress().state()).isEqualTo(ReplayProgress.State.FAILED);
        assertThat(replay.progress().error()).contains("stopped");
    }
}
