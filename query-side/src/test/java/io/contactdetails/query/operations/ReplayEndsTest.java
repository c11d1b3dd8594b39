package io.contactdetails.query.operations;

import io.contactdetails.query.infrastructure.ProjectionSegments;
import io.contactdetails.query.infrastructure.ReadStore;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A rebuild ends, done or failed: it never waits for ever, nor leaves stopped a processor it could start again. */
class ReplayEndsTest {
    private static final ProjectionSegments SEGMENTS = new ProjectionSegments(2, Duration.ofSeconds(10),
            Duration.ofMillis(200));
    /** A live token just after the global index jumped: the 10,000 indexes below it that it keeps as gaps. */
    private static final GapAwareTrackingToken AFTER_A_JUMP = GapAwareTrackingToken.newInstance(30_034,
            LongStream.range(20_000, 30_000).boxed().toList());
    private static final TrackingToken AXON_START =
            ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(30_034, List.of()));

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
        Replay replay = new Replay(processing, eventStore, tokenStore, SEGMENTS, event -> {
        });

        assertThat(replay.start()).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> !replay.progress().isRunning());
        assertThat(replay.progress().state()).isEqualTo(ReplayProgress.State.FAILED);
        assertThat(replay.progress().error()).contains("stopped");
    }

    /**
     * Axon copies the gaps of the token at a reset for every event it replays; a jump of the global index leaves 10,000
     * of them in every token, and a replay then ran six times slower. The newest, which a late commit can still fill,
     * stay; a token with no more than that is left as Axon's reset stored it.
     */
    @Test
    void aRebuildKeepsTheNewestGapsOfTheTokensAtItsReset() {
        TokenStore tokenStore = new InMemoryTokenStore();
        tokenStore.initializeTokenSegments(ReadStore.PROCESSING_GROUP, 2, AFTER_A_JUMP);
        GapAwareTrackingToken fewGaps = GapAwareTrackingToken.newInstance(30_034, List.of(30_001L, 30_020L));
        tokenStore.storeToken(fewGaps, ReadStore.PROCESSING_GROUP, 1);
        TrackingEventProcessor processor = caughtUpProcessor();
        doAnswer(reset -> resetAsAxonDoes(tokenStore)).when(processor).resetTokens();
        Replay replay = replayOf(processor, tokenStore);

        assertThat(replay.start()).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> !replay.progress().isRunning());
        assertThat(replay.progress().state()).as(String.valueOf(replay.progress().error()))
                .isEqualTo(ReplayProgress.State.DONE);
        assertThat(tokenStore.fetchToken(ReadStore.PROCESSING_GROUP, 0)).isEqualTo(ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(30_034, LongStream.range(29_750, 30_000).boxed().toList()),
                AXON_START));
        assertThat(tokenStore.fetchToken(ReadStore.PROCESSING_GROUP, 1))
                .isEqualTo(ReplayToken.createReplayToken(fewGaps, AXON_START));
    }

    /** The live processor needs its gaps: an event committed late into one is read when it comes. */
    @Test
    void aRebuildWhoseResetIsRefusedLeavesTheLiveTokensTheirGaps() {
        TokenStore tokenStore = new InMemoryTokenStore();
        tokenStore.initializeTokenSegments(ReadStore.PROCESSING_GROUP, 2, AFTER_A_JUMP);
        TrackingEventProcessor processor = caughtUpProcessor();
        doThrow(new UnableToClaimTokenException("another replica claimed segment 1")).when(processor).resetTokens();
        Replay replay = replayOf(processor, tokenStore);

        assertThat(replay.start()).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> !replay.progress().isRunning());
        assertThat(replay.progress().state()).isEqualTo(ReplayProgress.State.FAILED);
        for (int segment : new int[]{0, 1}) {
            assertThat(AFTER_A_JUMP.equals(tokenStore.fetchToken(ReadStore.PROCESSING_GROUP, segment)))
                    .as("segment %d keeps its token and gaps", segment).isTrue();
        }
    }

    /** Trimming the gaps only saves time: a token store that will not take it leaves the replay to go on slower. */
    @Test
    void aRebuildWhoseTokensKeepTheirGapsGoesOn() {
        AtomicBoolean refuse = new AtomicBoolean();
        TokenStore tokenStore = new InMemoryTokenStore() {
            @Override
            public void storeToken(TrackingToken token, String processorName, int segment) {
                if (refuse.get()) {
                    throw new IllegalStateException("the token store is away");
                }
                super.storeToken(token, processorName, segment);
            }
        };
        tokenStore.initializeTokenSegments(ReadStore.PROCESSING_GROUP, 2, AFTER_A_JUMP);
        TrackingEventProcessor processor = caughtUpProcessor();
        doAnswer(reset -> {
            resetAsAxonDoes(tokenStore);
            refuse.set(true);
            return null;
        }).when(processor).resetTokens();
        Replay replay = replayOf(processor, tokenStore);

        assertThat(replay.start()).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> !replay.progress().isRunning());
        assertThat(replay.progress().state()).as(String.valueOf(replay.progress().error()))
                .isEqualTo(ReplayProgress.State.DONE);
        for (int segment : new int[]{0, 1}) {
            assertThat(ReplayToken.createReplayToken(AFTER_A_JUMP, AXON_START)
                    .equals(tokenStore.fetchToken(ReadStore.PROCESSING_GROUP, segment)))
                    .as("segment %d keeps the token Axon's reset stored", segment).isTrue();
        }
    }

    /** What TrackingEventProcessor.resetTokens() stores, its default start position being a replay from the head. */
    private static Void resetAsAxonDoes(TokenStore tokenStore) {
        for (int segment : tokenStore.fetchSegments(ReadStore.PROCESSING_GROUP)) {
            tokenStore.storeToken(ReplayToken.createReplayToken(tokenStore.fetchToken(ReadStore.PROCESSING_GROUP,
                    segment), AXON_START, null), ReadStore.PROCESSING_GROUP, segment);
        }
        return null;
    }

    private static TrackingEventProcessor caughtUpProcessor() {
        TrackingEventProcessor processor = mock(TrackingEventProcessor.class);
        EventTrackerStatus caughtUp = mock(EventTrackerStatus.class);
        when(caughtUp.getCurrentPosition()).thenReturn(OptionalLong.of(30_034));
        when(processor.processingStatus()).thenReturn(Map.of(0, caughtUp, 1, caughtUp));
        when(processor.isRunning()).thenReturn(true);
        return processor;
    }

    private static Replay replayOf(TrackingEventProcessor processor, TokenStore tokenStore) {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor(ReadStore.PROCESSING_GROUP, TrackingEventProcessor.class))
                .thenReturn(Optional.of(processor));
        EventStore eventStore = mock(EventStore.class);
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(30_034));
        return new Replay(processing, eventStore, tokenStore, SEGMENTS, event -> {
        });
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
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor(ReadStore.PROCESSING_GROUP, TrackingEventProcessor.class))
                .thenReturn(Optional.of(processor));
        EventStore eventStore = mock(EventStore.class);
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(34));
        TokenStore tokenStore = mock(TokenStore.class);
        when(tokenStore.fetchSegments(ReadStore.PROCESSING_GROUP)).thenReturn(new int[]{0, 1});
        Replay replay = new Replay(processing, eventStore, tokenStore, SEGMENTS, event -> {
        });

        assertThat(replay.start()).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> !replay.progress().isRunning());
        assertThat(replay.progress().state()).isEqualTo(ReplayProgress.State.FAILED);
        assertThat(replay.progress().error()).contains("stopped");
    }

    /** Restarted with a segment too few (another replica took it, or Axon lost a thread), it never gets there. */
    @Test
    void aRebuildWhoseProcessorComesBackWithoutEverySegmentFailsOnceTheirClaimsWouldHaveLapsed() {
        ProjectionSegments quick = new ProjectionSegments(2, Duration.ofSeconds(1), Duration.ofMillis(200));
        TrackingEventProcessor processor = mock(TrackingEventProcessor.class);
        EventTrackerStatus notYetMoved = mock(EventTrackerStatus.class);
        when(notYetMoved.getCurrentPosition()).thenReturn(OptionalLong.of(0));
        when(processor.processingStatus()).thenReturn(Map.of(0, notYetMoved, 1, notYetMoved));
        doAnswer(started -> when(processor.processingStatus()).thenReturn(Map.of(0, notYetMoved)))
                .when(processor).start();
        when(processor.isRunning()).thenReturn(true);
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor(ReadStore.PROCESSING_GROUP, TrackingEventProcessor.class))
                .thenReturn(Optional.of(processor));
        EventStore eventStore = mock(EventStore.class);
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(34));
        TokenStore tokenStore = mock(TokenStore.class);
        when(tokenStore.fetchSegments(ReadStore.PROCESSING_GROUP)).thenReturn(new int[]{0, 1});
        Replay replay = new Replay(processing, eventStore, tokenStore, quick, event -> {
        });

        assertThat(replay.start()).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> !replay.progress().isRunning());
        assertThat(replay.progress().state()).isEqualTo(ReplayProgress.State.FAILED);
        assertThat(replay.progress().error()).contains("has not held every segment");
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
