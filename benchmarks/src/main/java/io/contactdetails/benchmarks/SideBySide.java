package io.contactdetails.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --against <jar>}: two standalone jars at once, each on the embedded stores it starts itself, the same
 * requests at the same concurrency on each, in rounds. On a shared machine one run after another moved by a
 * third between identical jars; two jars loaded at once meet the same machine, so their ratio is what a change did.
 * CPU per request is each JVM's (its stand-in inside) and its PostgreSQL's over the round, the JIT compiler's
 * apart; rounds of one kind follow one another, so what a round leaves unfinished is counted in the next.
 */
final class SideBySide {
    private static final int CREATE_CONCURRENCY = 8;
    /** Two readers each keep the two JVMs at about a core together: reads measured, not the machine's queue. */
    private static final int READ_CONCURRENCY = 2;

    private final boolean quick;
    private final Duration round;
    private final int rounds;
    private final StringBuilder report = new StringBuilder();

    private SideBySide(boolean quick) {
        this.quick = quick;
        this.round = quick ? Duration.ofSeconds(5) : Duration.ofSeconds(20);
        this.rounds = quick ? 3 : 6;
    }

    /**
     * One jar's standalone, set up to be loaded: its client accounts, the CPU it and its PostgreSQL spend, and a
     * count of its creates, so that both are sent the same sequence of them.
     */
    private record Service(String label, Http adviser, List<String> clients, Footprint footprint, AtomicLong creates) {
    }

    /**
     * The report of the comparison; {@code work} holds each one's stores and log. Both are started and set up at
     * once, so that neither JVM has had longer to compile than the other: started one after the other, a jar set
     * against itself measured 8 % cheaper per read as the one started first ({@code --quick}).
     */
    static String run(Path jar, Path against, Path work, boolean quick, boolean creates, boolean reads) throws Exception {
        SideBySide sideBySide = new SideBySide(quick);
        int port = Benchmarks.freePort();
        int otherPort = Benchmarks.freePort();
        while (otherPort == port) {
            otherPort = Benchmarks.freePort();
        }
        int againstPort = otherPort;
        List<ServiceProcess> started = new CopyOnWriteArrayList<>();
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<Service> one = starting.submit(() -> sideBySide.setUp("--jar", jar, work.resolve("jar"), port, started));
            Future<Service> other = starting.submit(() ->
                    sideBySide.setUp("--against", against, work.resolve("against"), againstPort, started));
            sideBySide.compare(jar, against, List.of(one.get(), other.get()), creates, reads);
        } finally {
            starting.shutdownNow();
            starting.awaitTermination(3, TimeUnit.MINUTES);
            for (ServiceProcess process : started) {
                process.close();
            }
        }
        return sideBySide.report.toString();
    }

    private Service setUp(String label, Path jar, Path data, int port, List<ServiceProcess> started) throws Exception {
        ServiceProcess process = ServiceProcess.embedded(jar, data, port, data.resolveSibling(data.getFileName() + ".log"));
        started.add(process);
        Http operator = new Http(process.port, process.token("--admin", "--sub", "benchmark-operator"), null);
        Http adviser = Benchmarks.adviser(process, operator);
        List<String> clients = Benchmarks.clients(adviser, quick ? 100 : 300);
        return new Service(label, adviser, clients, new Footprint(List.of(process::pid), data.resolve("postgres")),
                new AtomicLong());
    }

    private void compare(Path jar, Path against, List<Service> services, boolean creates, boolean reads) throws Exception {
        Duration warmUp = quick ? Duration.ofSeconds(5) : Duration.ofSeconds(60);
        Duration createWarmUp = creates ? warmUp : Duration.ZERO;
        Duration readWarmUp = reads ? warmUp.dividedBy(2) : Duration.ZERO;
        atOnce(services, "warm-up", createWarmUp, CREATE_CONCURRENCY, this::createOne);
        atOnce(services, "warm-up", readWarmUp, READ_CONCURRENCY, this::readOne);
        Benchmarks.progress("side by side: warmed up");
        List<Round> createRounds = new ArrayList<>();
        List<Round> readRounds = new ArrayList<>();
        if (creates) {
            for (int i = 0; i < rounds; i++) {
                createRounds.add(atOnce(services, "create", round, CREATE_CONCURRENCY, this::createOne));
                Benchmarks.progress("side by side: create round " + (i + 1) + " of " + rounds);
            }
        }
        // the read models' catch-up after the creates is theirs, not the first read round's
        for (Service service : services) {
            service.footprint().awaitRest();
        }
        if (reads) {
            for (int i = 0; i < rounds; i++) {
                readRounds.add(atOnce(services, "read", round, READ_CONCURRENCY, this::readOne));
                Benchmarks.progress("side by side: read round " + (i + 1) + " of " + rounds);
            }
        }
        report.append("## Side by side: `").append(jar).append("` (--jar) and `").append(against).append("` (--against)\n\n")
                .append(String.format("Both standalones at once, each on its own embedded stores with %d client accounts; "
                                + "%d rounds of %d s after a warm-up of %d s of creates and %d s of reads. CPU per "
                                + "request: each JVM (its MongoDB stand-in inside) and its PostgreSQL, the JIT compiler "
                                + "apart.%n%n",
                        services.get(0).clients().size(), rounds, round.toSeconds(), createWarmUp.toSeconds(),
                        readWarmUp.toSeconds()));
        if (creates) {
            table("POST /api/v2/contact-details, closed loop, concurrency " + CREATE_CONCURRENCY + " on each", createRounds);
        }
        if (reads) {
            table("GET /api/v2/accounts/{uuid}, closed loop, concurrency " + READ_CONCURRENCY + " on each", readRounds);
        }
    }

    /** One round: per service, its requests and its CPU. */
    private record Round(Load.Result[] results, Footprint.Cpu[] cpu) {
        double ratio() {
            return cpu[0].perRequest() / cpu[1].perRequest();
        }
    }

    @FunctionalInterface
    private interface Request {
        boolean send(Service service, long sequence) throws Exception;
    }

    private Round atOnce(List<Service> services, String name, Duration length, int concurrency, Request request)
            throws Exception {
        ExecutorService loads = Executors.newFixedThreadPool(services.size());
        try {
            List<Future<Footprint.Run>> runs = new ArrayList<>();
            for (Service service : services) {
                runs.add(loads.submit(() -> service.footprint().during(() -> Load.closed(name + " " + service.label(),
                        concurrency, length, sequence -> request.send(service, sequence)))));
            }
            Load.Result[] results = new Load.Result[services.size()];
            Footprint.Cpu[] spent = new Footprint.Cpu[services.size()];
            for (int i = 0; i < spent.length; i++) {
                Footprint.Run run = runs.get(i).get();
                results[i] = run.result();
                spent[i] = run.cpu();
            }
            return new Round(results, spent);
        } finally {
            // a load that failed must not leave the other running against a process about to stop
            loads.shutdownNow();
        }
    }

    private boolean createOne(Service service, long sequence) throws Exception {
        return Benchmarks.created(service.adviser(), Benchmarks.newDetail(service.creates().incrementAndGet(),
                service.clients().get((int) (sequence % service.clients().size()))));
    }

    private boolean readOne(Service service, long sequence) throws Exception {
        return Benchmarks.readAccount(service.adviser(), service.clients().get((int) (sequence % service.clients().size())));
    }

    private void table(String title, List<Round> measured) {
        report.append("### ").append(title).append("\n\n")
                .append("| round | CPU ms per request, --jar | --against | ratio | requests/s, --jar | --against "
                        + "| errors, --jar | --against |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < measured.size(); i++) {
            Round round = measured.get(i);
            report.append(String.format("| %d | %.3f | %.3f | %.3f | %,.0f | %,.0f | %d | %d |%n", i + 1,
                    round.cpu()[0].perRequest(), round.cpu()[1].perRequest(), round.ratio(),
                    round.results()[0].throughput(), round.results()[1].throughput(),
                    round.results()[0].errors(), round.results()[1].errors()));
        }
        double[] ratios = measured.stream().mapToDouble(Round::ratio).sorted().toArray();
        long lower = Arrays.stream(ratios).filter(ratio -> ratio < 1).count();
        report.append(String.format("%nMedian ratio of CPU per request (--jar / --against): **%.3f**; --jar lower in %d of "
                + "%d rounds.%n%n", median(ratios), lower, ratios.length));
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
