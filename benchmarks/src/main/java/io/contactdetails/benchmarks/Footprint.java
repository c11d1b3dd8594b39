package io.contactdetails.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time spent by the service and its stores, read from the kernel rather than from wall clocks (other builds
 * share this machine): the service JVMs and the PostgreSQL server with its backends from {@code /proc/<pid>/stat},
 * the MongoDB stand-in from its threads in this JVM (its workers and H2's, which write its file). A measurement
 * runs until the processes are quiet again, so the projection's work after the last answer counts too.
 */
final class Footprint {
    /** USER_HZ: the unit of /proc/stat's and /proc/<pid>/stat's times on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000;
    /** Quiet: less than this share of one core over one probe interval. */
    private static final double QUIET_SHARE = 0.03;
    private static final long PROBE_MILLIS = 500;
    private static final Pattern STAND_IN_THREADS = Pattern.compile("mongo-server|H2-|MVStore background writer");

    private final List<LongSupplier> services;
    private final Path postgresData;

    Footprint(List<LongSupplier> services, Path postgresData) {
        this.services = services;
        this.postgresData = postgresData;
    }

    /**
     * CPU of one measurement, in milliseconds, by where it was spent. The JIT compiler threads' share is kept
     * apart: it is what a young JVM pays once for compiling, not what a request costs a running service.
     */
    record Cpu(double service, double jit, double postgres, double standIn, long requests, double quietAfterSeconds) {
        double millis() {
            return service + postgres + standIn;
        }

        double perRequest() {
            return millis() / Math.max(1, requests);
        }

        /** Per request: the service JVM (without its JIT), PostgreSQL, the stand-in, and the JIT apart. */
        String parts() {
            return parts("service JVM");
        }

        /** As {@link #parts()}, the measured JVM named {@code jvm}. */
        String parts(String jvm) {
            long n = Math.max(1, requests);
            return String.format("%s %.2f, PostgreSQL %.2f, MongoDB stand-in %.2f; JIT compiler apart %.2f",
                    jvm, service / n, postgres / n, standIn / n, jit / n);
        }
    }

    /** A load's latencies and the CPU it cost. */
    record Run(Load.Result result, Cpu cpu) {
    }

    @FunctionalInterface
    interface Measured {
        long run() throws Exception;
    }

    /** CPU nanoseconds so far, by part: the service JVMs less their JIT threads, their JIT threads, PostgreSQL, the stand-in. */
    private record Sample(long service, long jit, long postgres, long standIn) {
        long counted() {
            return service + postgres + standIn;
        }

        Sample minus(Sample earlier) {
            return new Sample(service - earlier.service, jit - earlier.jit, postgres - earlier.postgres,
                    standIn - earlier.standIn);
        }
    }

    /**
     * Runs the load (which answers how many requests succeeded) and counts CPU until the processes are quiet again,
     * less what they spend idle (timers, pollers), sampled before the load once the processes have settled.
     */
    Cpu measure(Measured load) throws Exception {
        double idlePerMilli = settledIdleRate();
        Sample before = sample();
        long started = System.nanoTime();
        long requests = load.run();
        long loadEnded = System.nanoTime();
        Sample previous = sample();
        long deadline = loadEnded + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.sleep(PROBE_MILLIS);
            Sample now = sample();
            boolean quiet = now.counted() - previous.counted()
                    < Math.max(idlePerMilli, QUIET_SHARE * 1_000_000) * PROBE_MILLIS;
            previous = now;
            if (quiet) {
                break;
            }
        }
        long ended = System.nanoTime();
        double idle = idlePerMilli * (ended - started) / 1e6;
        Sample spent = previous.minus(before);
        // the idle rate is the service's own timers and pollers, taken from its part
        return new Cpu(Math.max(0, spent.service() - idle) / 1e6, spent.jit() / 1e6, spent.postgres() / 1e6,
                spent.standIn() / 1e6, requests, (ended - loadEnded) / 1e9);
    }

    /** As {@link #measure}, for one load. */
    Run measure(Callable<Load.Result> load) throws Exception {
        return run(load, this::measure);
    }

    /** As {@link #during}, for one load. */
    Run during(Callable<Load.Result> load) throws Exception {
        return run(load, this::during);
    }

    @FunctionalInterface
    private interface Measurement {
        Cpu of(Measured load) throws Exception;
    }

    private static Run run(Callable<Load.Result> load, Measurement measurement) throws Exception {
        Load.Result[] result = new Load.Result[1];
        Cpu cpu = measurement.of(() -> {
            result[0] = load.call();
            return result[0].ok();
        });
        return new Run(result[0], cpu);
    }

    /**
     * CPU over the load alone, nothing subtracted and nothing waited for: for loads run back to back, where what one
     * leaves unfinished is counted in the next.
     */
    Cpu during(Measured load) throws Exception {
        Sample before = sample();
        long requests = load.run();
        Sample spent = sample().minus(before);
        return new Cpu(spent.service() / 1e6, spent.jit() / 1e6, spent.postgres() / 1e6, spent.standIn() / 1e6,
                requests, 0);
    }

    /**
     * CPU time the whole machine has spent busy (every process, other tenants' included), from /proc/stat: what a
     * scenario's processes had to share the cores with.
     */
    static long machineBusyNanos() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        // user nice system idle iowait irq softirq steal: all but idle and iowait; guest and guest_nice, after
        // them, are already in user and nice
        for (int field : new int[]{1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(fields[field]);
        }
        return busy * NANOS_PER_TICK;
    }

    /** The CPUs {@link #machineBusyNanos} is the busy time of (the host's, which a container may not all have). */
    static long machineCpus() throws IOException {
        return Files.readAllLines(Path.of("/proc/stat")).stream().filter(line -> line.matches("cpu\\d+ .*")).count();
    }

    /** Returns once the processes are at rest (see {@link #settledIdleRate()}), or after 20 s. */
    void awaitRest() throws Exception {
        settledIdleRate();
    }

    /**
     * CPU per millisecond of the processes at rest: probed until a probe spends under {@link #QUIET_SHARE} of a core
     * (what a fill or the scenario before left behind, such as a checkpoint, has ended). Not at rest within 20 s
     * (after the 1M-event fill), nothing is subtracted: the figure then overstates rather than hides the work.
     */
    private double settledIdleRate() throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            long start = sample().counted();
            Thread.sleep(PROBE_MILLIS);
            double rate = (sample().counted() - start) / (double) PROBE_MILLIS;
            if (rate <= QUIET_SHARE * 1_000_000) {
                return rate;
            }
        }
        return 0;
    }

    private Sample sample() throws IOException {
        long service = 0;
        long jit = 0;
        for (LongSupplier process : services) {
            long pid = process.getAsLong();
            long compiling = jitNanos(pid);
            service += processNanos(pid, false) - compiling;
            jit += compiling;
        }
        long postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).strip());
        long postgres = processNanos(postmaster, true);
        for (long child : children(postmaster)) {
            postgres += processNanos(child, false);
        }
        return new Sample(service, jit, postgres, mongoStandInNanos());
    }

    /** The CPU of a JVM's JIT compiler threads (named "C1 CompilerThre…" and "C2 CompilerThre…" by the kernel). */
    private static long jitNanos(long pid) throws IOException {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    String line = Files.readString(thread.resolve("stat"));
                    String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                    if (name.matches("C[12] CompilerThre.*")) {
                        String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
                        total += (Long.parseLong(rest[11]) + Long.parseLong(rest[12])) * NANOS_PER_TICK;
                    }
                } catch (IOException ended) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | UncheckedIOException gone) {
            return total;
        }
        return total;
    }

    /** utime + stime, and with {@code reaped} also the times of children it has waited for (ended backends). */
    private static long processNanos(long pid, boolean reaped) {
        String[] fields = stat(pid);
        if (fields == null) {
            return 0;
        }
        long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        if (reaped) {
            ticks += Long.parseLong(fields[15]) + Long.parseLong(fields[16]);
        }
        return ticks * NANOS_PER_TICK;
    }

    private static List<Long> children(long parent) throws IOException {
        List<Long> children = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> {
                        String[] fields = stat(Long.parseLong(name));
                        if (fields != null && Long.parseLong(fields[3]) == parent) {
                            children.add(Long.parseLong(name));
                        }
                    });
        }
        return children;
    }

    /** The fields of /proc/<pid>/stat after the command name (which may hold spaces), numbered as in proc(5) from 0. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
            String[] fields = new String[rest.length + 2];
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException gone) {
            return null;
        }
    }

    /**
     * H2's threads are a fifth to a third of the stand-in's samples in a replay, and went uncounted before. Not this
     * JVM's garbage collector, which the load shares.
     */
    private static long mongoStandInNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && STAND_IN_THREADS.matcher(thread.getThreadName()).lookingAt()) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }
}
