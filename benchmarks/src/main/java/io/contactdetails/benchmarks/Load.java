package io.contactdetails.benchmarks;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed loops (N clients, each sending when its last answer arrives) and open loops (a fixed arrival
 * schedule; latency counts from the intended send time, so queueing shows in the tail instead of hiding).
 */
final class Load {
    /** One request; returns true when the answer was the expected success. */
    @FunctionalInterface
    interface Operation {
        boolean run(long sequence) throws Exception;
    }

    record Result(String name, Histogram latency, long ok, long errors, double seconds) {
        double throughput() {
            return ok / seconds;
        }

        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1_000_000.0;
        }

        double maxMillis() {
            return latency.getMaxValue() / 1_000_000.0;
        }
    }

    private Load() {
    }

    static Result closed(String name, int clients, Duration duration, Operation operation) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong sequence = new AtomicLong();
        return run(name, clients, (recorder, ok, errors) -> {
            while (System.nanoTime() < end) {
                long sent = System.nanoTime();
                count(attempt(operation, sequence.getAndIncrement()), ok, errors);
                recorder.recordValue(System.nanoTime() - sent);
            }
        });
    }

    static Result open(String name, double perSecond, Duration duration, int maxInFlight, Operation operation)
            throws Exception {
        long total = (long) (perSecond * duration.toSeconds());
        long intervalNanos = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        AtomicLong next = new AtomicLong();
        return run(name, maxInFlight, (recorder, ok, errors) -> {
            long index;
            while ((index = next.getAndIncrement()) < total) {
                long intended = start + index * intervalNanos;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                count(attempt(operation, index), ok, errors);
                recorder.recordValue(Math.max(0, System.nanoTime() - intended));
            }
        });
    }

    /** What each of a scenario's threads does; they share the recorder and the counts. */
    @FunctionalInterface
    private interface Worker {
        void work(Recorder recorder, AtomicLong ok, AtomicLong errors) throws Exception;
    }

    private static Result run(String name, int threads, Worker worker) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> {
                worker.work(recorder, ok, errors);
                return null;
            }));
        }
        for (Future<?> running : workers) {
            running.get();
        }
        pool.shutdown();
        return new Result(name, recorder.getIntervalHistogram(), ok.get(), errors.get(), (System.nanoTime() - start) / 1e9);
    }

    private static void count(boolean success, AtomicLong ok, AtomicLong errors) {
        (success ? ok : errors).incrementAndGet();
    }

    private static final AtomicLong reportedFailures = new AtomicLong();

    /** A failed request counts as an error; the first few say why on stderr, so a broken scenario shows itself. */
    private static boolean attempt(Operation operation, long sequence) {
        try {
            return operation.run(sequence);
        } catch (Exception e) {
            failed("request failed: " + e);
            return false;
        }
    }

    /** Why an operation failed, on stderr for the first few failures of the run. */
    static void failed(String why) {
        if (reportedFailures.incrementAndGet() <= 5) {
            System.err.println("[benchmarks] " + why);
        }
    }
}
