package io.contactdetails.query.infrastructure;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replay stops the read-model processor, resets its tokens and starts it again, at whatever moment the operator
 * asks: the processor must come back with every segment, or the replay waits for a segment that is never processed.
 */
class ProcessorRestartTest {
    private final CountDownLatch lastSegmentClaimed = new CountDownLatch(1);
    private final CountDownLatch goOn = new CountDownLatch(1);
    private final AtomicBoolean paused = new AtomicBoolean();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private TrackingEventProcessor processor;

    @AfterEach
    void stop() {
        goOn.countDown();
        processor.shutDown();
        events.shutDown();
    }

    /** One segment is the standalone jar's, two the default of separate query sides. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void stoppedJustAsItClaimedEverySegmentItClaimsThemAllWhenStartedAgain(int segments) throws Exception {
        ProjectionSegments split = new ProjectionSegments(segments, Duration.ofSeconds(10), Duration.ofMillis(200));
        processor = processor(split, pauseAtClaimOf(segments - 1));
        processor.start();
        assertThat(lastSegmentClaimed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(processor.processingStatus()).hasSize(split.segments());

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(processor::shutDown);
        // Axon waits about a second for the held launcher before it gives up on the shutdown: let it go at once
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(5))
                .until(() -> !processor.isRunning());
        goOn.countDown();
        stopped.get(10, TimeUnit.SECONDS);
        assertThat(processor.availableProcessorThreads()).as("threads given back").isEqualTo(processor.maxCapacity());
        processor.resetTokens();
        processor.start();

        await().atMost(split.claimInterval().multipliedBy(10))
                .until(() -> processor.processingStatus().size() == split.segments());
    }

    /**
     * Holds the processor's claim of a segment until the test lets it go on: its thread descheduled there. Axon 4.13
     * tells the listener inside the claim, before its launcher counts the thread it will run the segment on.
     */
    private EventTrackerStatusChangeListener pauseAtClaimOf(int segment) {
        return updated -> {
            if (updated.containsKey(segment) && updated.get(segment).trackerAdded() && paused.compareAndSet(false, true)) {
                lastSegmentClaimed.countDown();
                try {
                    goOn.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private TrackingEventProcessor processor(ProjectionSegments segments, EventTrackerStatusChangeListener listener) {
        return TrackingEventProcessor.builder()
                .name(ReadStore.PROCESSING_GROUP)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Projection()).build())
                .messageSource(events)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .trackingEventProcessorConfiguration(ReadStore.processorConfiguration(segments, 100)
                        .andEventTrackerStatusChangeListener(listener))
                .build();
    }

    private static final class Projection {
        @EventHandler
        void on(String event) {
            // a processor needs a handler; what it does plays no part in claiming segments
        }
    }
}
