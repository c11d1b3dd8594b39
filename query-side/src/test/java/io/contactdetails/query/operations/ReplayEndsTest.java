package io.contactdetails.query.operations;

import io.contactdetails.query.infrastructure.ProjectionSegments;
import io.contactdetails.query.infrastructure.ReadStore;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A rebuild ends, done or failed: it never waits for ever, nor leaves stopped a processor it could start again. */
class ReplayEndsTest {
    private static final ProjectionSegments SEGMENTS = new ProjectionSegments(2, Duration.ofSeconds(10),
            Duration.ofMillis(200));

    @Test
    void aRebuildWhoseProcessorStopsFailsInsteadOfWaitingForEver() {
        TrackingEventProcessor processor = mock(TrackingEventProcessor.class);
        EventTrackerStatus notYetMoved = notYetMoved();
        when(processor.processingStatus()).thenReturn(Map.of(0, notYetMoved, 1, notYetMoved));
        when(processor.isRunning()).thenReturn(false);
        Replay replay = replayOf(processor, SEGMENTS);

        assertFailsWithin(Duration.ofSeconds(5), replay, "stopped");
    }

    /**
     * A processor stopped before the rebuild begins (the application closing, or a stop Axon gave up on) holds no
     * segment: the rebuild says so at once rather than blame another replica once their claims would have lapsed.
     */
    @Test
    void aRebuildOfAStoppedProcessorFailsAtOnceSayingSo() {
        TrackingEventProcessor processor = mock(TrackingEventProcessor.class);
        when(processor.processingStatus()).thenReturn(Map.of());
        when(processor.isRunning()).thenReturn(false);
        Replay replay = replayOf(processor, SEGMENTS);

        assertFailsWithin(Duration.ofSeconds(5), replay, "stopped");
    }

    /** Restarted with a segment too few (another replica took it, or Axon lost a thread), it never gets there. */
    @Test
    void aRebuildWhoseProcessorComesBackWithoutEverySegmentFailsOnceTheirClaimsWouldHaveLapsed() {
        ProjectionSegments quick = new ProjectionSegments(2, Duration.ofSeconds(1), Duration.ofMillis(200));
        TrackingEventProcessor processor = mock(TrackingEventProcessor.class);
        EventTrackerStatus notYetMoved = notYetMoved();
        when(processor.processingStatus()).thenReturn(Map.of(0, notYetMoved, 1, notYetMoved));
        doAnswer(started -> when(processor.processingStatus()).thenReturn(Map.of(0, notYetMoved)))
                .when(processor).start();
        when(processor.isRunning()).thenReturn(true);
        Replay replay = replayOf(processor, quick);

        assertFailsWithin(Duration.ofSeconds(10), replay, "has not held every segment");
    }

    /** Started, the rebuild ends within {@code time}, failed with an error {@code saying} so. */
    private static void assertFailsWithin(Duration time, Replay replay, String saying) {
        assertThat(replay.start()).isTrue();

        await().atMost(time).until(() -> !replay.progress().isRunning());
        assertThat(replay.progress().state()).isEqualTo(ReplayProgress.State.FAILED);
        assertThat(replay.progress().error()).contains(saying);
    }

    private static EventTrackerStatus notYetMoved() {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(0));
        return status;
    }

    /** A rebuild of {@code processor}, a two-segment processor with 34 events to replay. */
    private static Replay replayOf(TrackingEventProcessor processor, ProjectionSegments segments) {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor(ReadStore.PROCESSING_GROUP, TrackingEventProcessor.class))
                .thenReturn(Optional.of(processor));
        EventStore eventStore = mock(EventStore.class);
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(34));
        TokenStore tokenStore = mock(TokenStore.class);
        when(tokenStore.fetchSegments(ReadStore.PROCESSING_GROUP)).thenReturn(new int[]{0, 1});
        return new Replay(processing, eventStore, tokenStore, segments, event -> {
        });
    }

    /**
     * Axon's shutdown waits about a second for the processor's launcher, which claims segments once every claim
     * interval; one held up longer in its token store made the shutdown throw and left the processor stopped for good.
     */
    @Test
    void aRebuildWaitsOutALauncherHeldUpInItsTokenStore() throws Exception {
        HeldUpTokenStore tokens = new HeldUpTokenStore();
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        eventStore.publish(GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second"));
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(ReadStore.PROCESSING_GROUP)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Projection()).build())
                .messageSource(eventStore)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.instance())
                .trackingEventProcessorConfiguration(ReadStore.processorConfiguration(SEGMENTS, 100))
                .build();
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor(ReadStore.PROCESSING_GROUP, TrackingEventProcessor.class))
                .thenReturn(Optional.of(processor));
        Replay replay = new Replay(processing, eventStore, tokens, SEGMENTS, event -> {
        });
        try {
            processor.start();
            await().atMost(Duration.ofSeconds(10)).until(replay::caughtUpWithHead);
            tokens.holdUpNextLookForSegments();
            assertThat(tokens.heldUp.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(replay.start()).isTrue();
            // held up past the second Axon's shutdown waits for its launcher, so that it gives up at least once
            Thread.sleep(2_000);
            tokens.goOn.countDown();

            await().atMost(Duration.ofSeconds(10)).until(() -> !replay.progress().isRunning());
            assertThat(replay.progress().state()).as(String.valueOf(replay.progress().error()))
                    .isEqualTo(ReplayProgress.State.DONE);
            assertThat(processor.isRunning()).isTrue();
        } finally {
            tokens.goOn.countDown();
            processor.shutDown();
            eventStore.shutDown();
        }
    }

    /** Holds up the processor's launcher in its next look for segments to claim, until the test lets it go on. */
    private static final class HeldUpTokenStore extends InMemoryTokenStore {
        final CountDownLatch heldUp = new CountDownLatch(1);
        final CountDownLatch goOn = new CountDownLatch(1);
        private volatile boolean holdUp;

        void holdUpNextLookForSegments() {
            holdUp = true;
        }

        @Override
        public List<Segment> fetchAvailableSegments(String processorName) {
            if (holdUp) {
                holdUp = false;
                heldUp.countDown();
                try {
                    goOn.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.fetchAvailableSegments(processorName);
        }
    }

    private static final class Projection {
        @EventHandler
        void on(String event) {
            // a processor needs a handler; what it does plays no part in stopping and starting it
        }
    }
}
