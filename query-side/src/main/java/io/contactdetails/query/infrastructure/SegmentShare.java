package io.contactdetails.query.infrastructure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares the read-model processor's segments among the query-side replicas on one read store. Axon's tracking
 * processor claims every segment it has a thread for and keeps it while it lives (balancing is Axon Server's, which
 * is not used here), so the replica that starts first would project alone and the others stand by.
 * <p>
 * Every claim interval each replica records in {@value #COLLECTION} that it is alive; one holding more than its share
 * (the segments over the live replicas, rounded up) releases the surplus, which a replica with a free thread claims
 * at its next claim interval. A replica that stops recording is counted out after half the claim timeout, before its
 * claims lapse, so the survivor that takes its segments over is not then told to give them back.
 * <p>
 * Which replica projects an event is still decided by the token claims alone: this only tells a replica when to let
 * a segment go, and a wrong count (a replica paused past the window) at worst leaves the segments unevenly shared.
 */
@Component
public class SegmentShare implements SmartLifecycle {
    /** This replica as its token claims name it. */
    public static final String REPLICA = ManagementFactory.getRuntimeMXBean().getName();
    static final String COLLECTION = "query_side_replicas";
    private static final Logger log = LoggerFactory.getLogger(SegmentShare.class);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> replicas;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final ProjectionSegments segments;
    private final Clock clock = Clock.systemUTC();
    /** Segments this replica let go, until it may claim them again: its worker takes a moment to stop. */
    private final Map<Integer, Instant> released = new HashMap<>();
    private volatile ScheduledExecutorService scheduler;

    public SegmentShare(MongoDatabase readModelDatabase, EventProcessingConfiguration processing, TokenStore tokenStore,
                        ProjectionSegments segments) {
        this.replicas = readModelDatabase.getCollection(COLLECTION);
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.segments = segments;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-share");
            thread.setDaemon(true);
            return thread;
        });
        long interval = segments.claimInterval().toMillis();
        started.scheduleWithFixedDelay(this::share, 0, interval, TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    void share() {
        try {
            Instant now = clock.instant();
            replicas.replaceOne(Filters.eq("_id", REPLICA), new Document("_id", REPLICA)
                    .append("processing_group", ReadStore.PROCESSING_GROUP).append("seen_at", Date.from(now)), UPSERT);
            replicas.deleteMany(Filters.lt("seen_at", Date.from(now.minus(segments.claimTimeout().dividedBy(2)))));
            long live = Math.max(1, replicas.countDocuments(Filters.eq("processing_group", ReadStore.PROCESSING_GROUP)));
            processing.eventProcessor(ReadStore.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .ifPresent(processor -> releaseSurplus(processor, live));
        } catch (RuntimeException e) {
            // the next interval tries again; meanwhile every claim stays where it is
            log.warn("Could not share the {} segments: {}", ReadStore.PROCESSING_GROUP, e.getMessage());
        }
    }

    private void releaseSurplus(StreamingEventProcessor processor, long live) {
        int total = tokenStore.fetchSegments(ReadStore.PROCESSING_GROUP).length;
        long share = (total + live - 1) / live;
        List<Integer> held = processor.processingStatus().keySet().stream().sorted(Comparator.reverseOrder()).toList();
        Instant now = clock.instant();
        released.values().removeIf(now::isAfter);
        // released for a claim timeout: time for another replica to claim it, after which this one may take it back
        Duration releaseFor = segments.claimTimeout();
        held.stream().limit(Math.max(0, held.size() - share)).filter(segment -> !released.containsKey(segment))
                .forEach(segment -> {
                    log.info("Releasing segment {} of {} to another of {} query-side replicas", segment,
                            ReadStore.PROCESSING_GROUP, live);
                    processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
                    released.put(segment, now.plus(releaseFor));
                });
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(segments.claimInterval().toMillis(), TimeUnit.MILLISECONDS);
                replicas.deleteOne(Filters.eq("_id", REPLICA));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Could not sign this replica off; the others count it out within the claim timeout: {}",
                        e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
