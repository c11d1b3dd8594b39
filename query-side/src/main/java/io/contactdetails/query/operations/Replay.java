package io.contactdetails.query.operations;

import io.contactdetails.query.infrastructure.ProjectionSegments;
import io.contactdetails.query.infrastructure.ReadStore;
import org.axonframework.common.ProcessRetriesExhaustedException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every read model from the events: the processor stops, its tokens reset (the projections'
 * {@code @ResetHandler}s clear their collections), it replays from the first event and runs on live.
 * One rebuild at a time; its progress can be read while it runs. While it runs the process is not ready
 * (readiness probe DOWN): its read models are being rebuilt, so a load balancer sends reads elsewhere.
 * A rebuild needs every segment of the processor in this replica: stop the other query-side replicas first.
 */
@Component
public class Replay {
    private static final Logger log = LoggerFactory.getLogger(Replay.class);
    private static final long POLL_MILLIS = 100;
    private static final long LOG_EVERY_MILLIS = 5_000;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final ProjectionSegments segments;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<ReplayProgress> progress = new AtomicReference<>(ReplayProgress.IDLE);
    /**
     * Whether the running rebuild has reset the tokens: until then the processor still holds the position it had
     * before, and the rebuild has done nothing. Only the rebuild's thread writes it, false again when it ends.
     */
    private volatile boolean tokensReset;

    public Replay(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                  ProjectionSegments segments, ApplicationEventPublisher events) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.segments = segments;
        this.events = events;
    }

    public ReplayProgress progress() {
        ReplayProgress current = progress.get();
        return current.isRunning()
                ? ReplayProgress.running(tokensReset ? position() : 0, current.eventsTotal(), current.startedAt(),
                clock.instant())
                : current;
    }

    /** Starts a rebuild on its own thread; false if one is already running. */
    public boolean start() {
        ReplayProgress current = progress.get();
        if (current.isRunning() || !progress.compareAndSet(current,
                ReplayProgress.running(0, headPosition(), clock.instant(), clock.instant()))) {
            return false;
        }
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        Thread worker = new Thread(this::rebuild, "read-model-replay");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    /** Rebuilds and waits until the replay has caught up with the events there were when it began. */
    public ReplayProgress runToCompletion(ProgressListener listener) {
        if (!start()) {
            throw new IllegalStateException("A replay is already running");
        }
        ReplayProgress current;
        while ((current = progress()).isRunning()) {
            listener.onProgress(current);
            sleep();
        }
        listener.onProgress(current);
        return current;
    }

    @FunctionalInterface
    public interface ProgressListener {
        void onProgress(ReplayProgress progress);
    }

    private void rebuild() {
        try {
            TrackingEventProcessor processor = processor();
            long total = progress.get().eventsTotal();
            if (total == 0) {
                // no event, no read-model document; and Axon's reset fails on a token store holding no token yet
                progress.set(progress.get().finished(clock.instant()));
                log.info("Replay of {}: no events to replay", ReadStore.PROCESSING_GROUP);
                return;
            }
            log.info("Replay of {} started: {} events to replay", ReadStore.PROCESSING_GROUP, total);
            // The reset needs every segment's claim: a stopped replica's segments are free a claim timeout after it
            // stopped, and one this replica gave to another (SegmentShare) comes back after as long.
            Instant deadline = clock.instant().plus(segmentsWait());
            while (!holdsEverySegment(processor)) {
                requireRunning(processor);
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("Another query-side replica holds segments of "
                            + ReadStore.PROCESSING_GROUP + ": stop the other replicas before a replay");
                }
                sleep();
            }
            try {
                shutDown(processor);
                processor.resetTokens();
                tokensReset = true;
            } finally {
                // a reset refused (another replica claimed a segment meanwhile) leaves the tokens as they were,
                // so the processor goes on live from them
                processor.start();
            }
            // Done when every event there was at the start is handled. Axon reports "replaying" until the
            // first event after the reset point, which a quiet store may not see for a long while.
            awaitPosition(processor, total, true);
            progress.set(progress.get().finished(clock.instant()));
            log.info("Replay of {} finished: {}", ReadStore.PROCESSING_GROUP, progress.get());
        } catch (RuntimeException e) {
            log.error("Replay of {} failed", ReadStore.PROCESSING_GROUP, e);
            progress.set(progress.get().failed(e, clock.instant()));
        } finally {
            tokensReset = false;
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(ReadStore.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor " + ReadStore.PROCESSING_GROUP));
    }

    /**
     * Waits until the processor has read up to {@code target}, failing rather than waiting for ever when it will not
     * get there: it fails (an event its handlers cannot take fails its batch for as long as it is there), it stops
     * (the application closing), or this replica goes without every segment for longer than a stopped replica's claims
     * hold (another replica took one, or the processor lost a thread: Axon's, see ReadStore.processorConfiguration).
     */
    private void awaitPosition(TrackingEventProcessor processor, long target, boolean logProgress) {
        long lastLog = System.currentTimeMillis();
        Instant heldEverySegment = clock.instant();
        while (position() < target) {
            processor.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState).findFirst()
                    .ifPresent(status -> {
                        throw new IllegalStateException("The read-model processor failed: "
                                + status.getError().getMessage(), status.getError());
                    });
            requireRunning(processor);
            if (holdsEverySegment(processor)) {
                heldEverySegment = clock.instant();
            } else if (clock.instant().isAfter(heldEverySegment.plus(segmentsWait()))) {
                throw new IllegalStateException("This replica has not held every segment of "
                        + ReadStore.PROCESSING_GROUP + " for " + segmentsWait().toSeconds() + " s: stop the other "
                        + "query-side replicas, or restart this one");
            }
            sleep();
            if (logProgress && System.currentTimeMillis() - lastLog >= LOG_EVERY_MILLIS) {
                lastLog = System.currentTimeMillis();
                ReplayProgress now = progress();
                log.info("Replay of {}: {} of {} events, {} events/s{}", ReadStore.PROCESSING_GROUP,
                        now.eventsDone(), now.eventsTotal(), Math.round(now.eventsPerSecond()),
                        now.secondsLeft() == null ? "" : ", about " + now.secondsLeft() + " s left");
            }
        }
    }

    /** A stopped processor holds no segment and reads nothing: the application closing, or a stop Axon gave up on. */
    private static void requireRunning(TrackingEventProcessor processor) {
        if (!processor.isRunning()) {
            throw new IllegalStateException("The read-model processor stopped");
        }
    }

    /** Long enough for a stopped replica's claims to lapse and a released segment to come back. */
    private Duration segmentsWait() {
        return segments.claimTimeout().multipliedBy(2).plus(segments.claimInterval().multipliedBy(2));
    }

    /**
     * Axon waits about a second for the processor's launcher to finish, and one in a slow token-store call outlasts
     * that ({@link ProcessRetriesExhaustedException}, the processor left stopping); asking again waits for it again.
     */
    private void shutDown(TrackingEventProcessor processor) {
        Instant deadline = clock.instant().plus(segments.claimTimeout());
        while (true) {
            try {
                processor.shutDown();
                return;
            } catch (ProcessRetriesExhaustedException e) {
                if (clock.instant().isAfter(deadline)) {
                    throw e;
                }
            }
        }
    }

    private boolean holdsEverySegment(TrackingEventProcessor processor) {
        int held = processor.processingStatus().size();
        return held > 0 && held >= tokenStore.fetchSegments(ReadStore.PROCESSING_GROUP).length;
    }

    /**
     * How far the processor has read in the global event order: the lowest of its segments, once this replica holds
     * them all (until then the events of a segment not yet claimed here are not known to be handled).
     */
    private long position() {
        TrackingEventProcessor processor = processor();
        return holdsEverySegment(processor) ? ProcessorPositions.of(processor).orElse(0) : 0;
    }

    private long headPosition() {
        return ProcessorPositions.head(eventStore);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the replay", e);
        }
    }

    /**
     * For operators and the verifier: has the live processor read every event there is now? Only a replica holding
     * every segment can say so, as the replay command's does.
     */
    public boolean caughtUpWithHead() {
        return position() >= headPosition();
    }

    /** For the verifier: waits until the live processor has read every event there is now; fails as a replay does. */
    public void awaitCaughtUpWithHead() {
        awaitPosition(processor(), headPosition(), false);
    }
}
