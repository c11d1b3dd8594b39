package io.contactdetails.standalone;

import java.time.Duration;

/**
 * When the MongoDB stand-in's file is written after a batch of the read-model processor: after every batch smaller
 * than the processor's batch size (it read all there was: the file then holds everything projected), and at most once
 * an interval while full batches follow each other (a replay, a catch-up), since writing the file serializes every
 * page a batch changed and cost a replay more than the batch itself did.
 */
final class FileWrites {
    private final int batchSize;
    private final long intervalNanos;
    private long writtenAt;

    FileWrites(int batchSize, Duration interval, long nowNanos) {
        this.batchSize = batchSize;
        this.intervalNanos = interval.toNanos();
        this.writtenAt = nowNanos;
    }

    /** Whether the file is written after a batch of {@code events} that ended at {@code nowNanos}. */
    synchronized boolean due(int events, long nowNanos) {
        if (events < batchSize || nowNanos - writtenAt >= intervalNanos) {
            writtenAt = nowNanos;
            return true;
        }
        return false;
    }
}
