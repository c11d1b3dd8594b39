package io.contactdetails.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Recorder;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [--quick] [--jar <standalone jar>]}: starts the standalone
 * service on fresh embedded stores, drives it over HTTP and prints markdown tables (the body of BENCHMARKS.md).
 */
public final class Benchmarks {
    private static final int PORT = 18_099;
    private static final long POLL_MILLIS = 5;
    /** The fill's four events per client cause five read-model writes (created, account, attached, assigned x2). */
    private static final double WRITES_PER_FILLED_EVENT = 5 / 4.0;
    private final StringBuilder report = new StringBuilder();
    private final AtomicLong unique = new AtomicLong();
    private final boolean quick;
    private final Duration duration;
    private Http adviser;
    private Http operator;
    private List<String> clients;
    private Stores stores;
    private ServiceProcess service;

    private Benchmarks(boolean quick) {
        this.quick = quick;
        this.duration = quick ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path jar = Path.of("standalone/target/contact-details.jar");
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--jar")) {
                jar = Path.of(args[i + 1]);
            }
        }
        if (!Files.exists(jar)) {
            System.err.println("No service jar at " + jar + ": build it first (mvn -q -DskipTests package)");
            System.exit(2);
        }
        Instant started = Instant.now();
        Benchmarks benchmarks = new Benchmarks(quick);
        benchmarks.run(jar.toAbsolutePath());
        System.out.println(benchmarks.report);
        System.err.printf("Benchmarks took %d s%n", Duration.between(started, Instant.now()).toSeconds());
        System.exit(0);
    }

    private void run(Path jar) throws Exception {
        Path work = Files.createTempDirectory("contact-details-benchmarks");
        try (Stores started = new Stores(work)) {
            stores = started;
            try (ServiceProcess running = new ServiceProcess(jar, stores, PORT, work.resolve("service.log"))) {
                service = running;
                setUp();
                warmUp();
                machine();
                create();
                read();
                projectionLag();
                limits();
                growthAndReplay();
            }
        }
    }

    private void setUp() throws Exception {
        String admin = service.token("--admin", "--sub", "benchmark-operator");
        operator = new Http(PORT, admin, null);
        JsonNode firm = operator.post("/api/v2/firms", Map.of("name", "Benchmark", "first_name", "Ada",
                "last_name", "Lovelace")).body();
        String employee = firm.path("account").path("uuid").asText();
        adviser = new Http(PORT, service.token("--account", employee, "--ttl-minutes", "600"), employee);
        clients = new ArrayList<>();
        for (int i = 0; i < (quick ? 200 : 500); i++) {
            clients.add(adviser.post("/api/v2/accounts", Map.of("first_name", "Client", "last_name", "No " + i))
                    .body().path("uuid").asText());
        }
        progress("set up: 1 firm, " + clients.size() + " clients");
    }

    /**
     * Waits until the read models have caught up with every event so far (a primary email written now
     * shows in GET), so that no scenario pays for the projection backlog of the one before.
     */
    private void drain() throws Exception {
        long n = unique.incrementAndGet();
        String client = clients.get(0);
        String uuid = adviser.post("/api/v2/contact-details", Map.of("type", "email", "name", "Drain " + n,
                "value", "drain" + n + "@bench.example", "is_primary", true, "account_uuids", List.of(client)))
                .body().path("uuid").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (!adviser.get("/api/v2/accounts/" + client).body().path("primary_email").path("uuid").asText().equals(uuid)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The read models did not catch up within 10 minutes");
            }
            Thread.sleep(50);
        }
    }

    /** The service's JIT compiles its hot paths first, so that the first scenario is not measured cold. */
    private void warmUp() throws Exception {
        Duration warmUp = quick ? Duration.ofSeconds(5) : Duration.ofSeconds(20);
        Load.closed("warm-up", 8, warmUp, this::createOne);
        Load.closed("warm-up", 8, warmUp.dividedBy(2), this::readOne);
        progress("warmed up");
    }

    /** Mixed emails (70 %) and phones (30 %); a third of them asks to become primary, flipping the old one. */
    private boolean createOne(long sequence) throws Exception {
        long n = unique.incrementAndGet();
        String client = clients.get((int) (sequence % clients.size()));
        boolean email = n % 10 < 7;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", email ? "email" : "phone_number");
        body.put("name", email ? "Email " + n : "Phone " + n);
        body.put("value", email ? "b" + n + "@bench.example" : "+44 20 " + (30_000_000 + n));
        body.put("is_primary", n % 3 == 0);
        body.put("account_uuids", List.of(client));
        return adviser.post("/api/v2/contact-details", body).status() == 201;
    }

    private boolean readOne(long sequence) throws Exception {
        return adviser.get("/api/v2/accounts/" + clients.get((int) (sequence % clients.size()))).status() == 200;
    }

    private void profileTable(String run, Map<String, Double> profile) {
        report.append("CPU profile of the service during ").append(run).append(" of its own (JFR execution samples, "
                + "attributed to the first frame outside the JDK):\n\n| where | share of CPU samples |\n|---|---|\n");
        profile.entrySet().stream().limit(10).forEach(entry ->
                report.append(String.format("| %s | %.1f %% |%n", entry.getKey(), entry.getValue())));
        report.append('\n');
    }

    private void create() throws Exception {
        List<Load.Result> results = new ArrayList<>();
        drain();
        results.add(Load.closed("closed loop, concurrency 1", 1, duration, this::createOne));
        drain();
        Load.Result eight = Load.closed("closed loop, concurrency 8", 8, duration, this::createOne);
        results.add(eight);
        drain();
        results.add(Load.closed("closed loop, concurrency 32", 32, duration, this::createOne));
        drain();
        results.add(Load.open("open loop, 100 requests/s", 100, duration, 64, this::createOne));
        drain();
        results.add(Load.open("open loop, 300 requests/s", 300, duration, 64, this::createOne));
        table("1. Create: POST /api/v2/contact-details (target at concurrency 8: >= 300 requests/s, p99 < 50 ms)", results);
        createAtConcurrency8 = eight;
        // profiled on a run of its own: the recording costs CPU and must not colour the figures above
        drain();
        CpuProfile.start(service.pid());
        Load.closed("profiled", 8, duration, this::createOne);
        Map<String, Double> profile = CpuProfile.stop(service.pid(), Files.createTempFile("service", ".jfr"));
        profileTable("a concurrency-8 create run", profile);
        progress("create done");
    }

    private Load.Result createAtConcurrency8;

    private void read() throws Exception {
        drain();
        Load.Result result = Load.open("open loop, 500 requests/s over " + clients.size() + " accounts", 500, duration, 64,
                this::readOne);
        table("2. Read: GET /api/v2/accounts/{uuid} (target p99 < 10 ms at 500 requests/s)", List.of(result));
        drain();
        CpuProfile.start(service.pid());
        Load.open("profiled", 500, duration, 64, this::readOne);
        profileTable("a 500 requests/s read run", CpuProfile.stop(service.pid(), Files.createTempFile("service", ".jfr")));
        progress("read done");
    }

    /** From the 201 until GET on the account shows the new primary email, while creates arrive at 50/s. */
    private void projectionLag() throws Exception {
        drain();
        Recorder lag = new Recorder(3);
        Load.Result load = Load.open("open loop, 50 primary emails/s", 50, duration, 32, sequence -> {
            String client = clients.get((int) (sequence % clients.size()));
            long n = unique.incrementAndGet();
            Http.Response created = adviser.post("/api/v2/contact-details", Map.of("type", "email", "name", "Lag " + n,
                    "value", "lag" + n + "@bench.example", "is_primary", true, "account_uuids", List.of(client)));
            long answered = System.nanoTime();
            if (created.status() != 201) {
                return false;
            }
            String uuid = created.body().path("uuid").asText();
            while (!adviser.get("/api/v2/accounts/" + client).body().path("primary_email").path("uuid").asText().equals(uuid)) {
                if (System.nanoTime() - answered > Duration.ofSeconds(10).toNanos()) {
                    return false;
                }
                Thread.sleep(POLL_MILLIS);
            }
            lag.recordValue(System.nanoTime() - answered);
            return true;
        });
        Load.Result lagResult = new Load.Result("201 to visible in GET /api/v2/accounts/{uuid}", lag.getIntervalHistogram(),
                load.ok(), load.errors(), load.seconds());
        report.append("### 3. Projection lag (target p99 < 200 ms)\n\n")
                .append("Measured by polling the account every " + POLL_MILLIS + " ms after each 201 (so to within "
                        + POLL_MILLIS + " ms), creates at 50/s.\n\n")
                .append("| measure | p50 ms | p95 ms | p99 ms | max ms | samples | timeouts or errors |\n|---|---|---|---|---|---|---|\n")
                .append(String.format("| %s | %.1f | %.1f | %.1f | %.1f | %d | %d |%n%n", lagResult.name(), lagResult.millis(50),
                        lagResult.millis(95), lagResult.millis(99), lagResult.maxMillis(), lagResult.ok(), lagResult.errors()));
        progress("projection lag done");
    }

    private void limits() throws Exception {
        Load.Result postgres = RawLimits.postgres(stores.jdbcUrl(), 8, duration);
        Load.Result mongo = RawLimits.mongo(stores.mongoUri, duration);
        table("6. The stores' own limits, same run", List.of(postgres, mongo));
        report.append(String.format("Create at concurrency 8 against PostgreSQL raw at concurrency 8 "
                        + "(one transaction of %d rows per request): **%.0f / %.0f = %.2f** of the limit.%n%n",
                RawLimits.ROWS_PER_REQUEST, createAtConcurrency8.throughput(), postgres.throughput(),
                createAtConcurrency8.throughput() / postgres.throughput()));
        rawMongoRequestsPerSecond = mongo.throughput();
        progress("limits done");
    }

    private double rawMongoRequestsPerSecond;

    private void growthAndReplay() throws Exception {
        List<Load.Result> growth = new ArrayList<>(List.of(createAtConcurrency8));
        List<String> replays = new ArrayList<>();
        for (long target : quick ? new long[]{10_000, 30_000} : new long[]{100_000, 1_000_000}) {
            long present = eventCount();
            Fill.events(stores.jdbcUrl(), target - present);
            progress("filled to " + eventCount() + " events");
            replays.add(replay());
            drain();
            growth.add(Load.closed("concurrency 8, store at " + String.format("%,d", eventCount()) + " events", 8,
                    duration, this::createOne));
        }
        report.append("### 4. Replay: rebuild every read model from the events (target >= 10,000 events/s)\n\n")
                .append("| events | seconds | events/s |\n|---|---|---|\n");
        replays.forEach(line -> report.append(line).append('\n'));
        report.append(String.format("%nThe MongoDB stand-in took %,.0f single writes/s raw in this run (one writer, "
                + "as the projection is); a replayed event costs the projection about %.2f writes.%n%n",
                rawMongoRequestsPerSecond * 4, WRITES_PER_FILLED_EVENT));
        table("5. Growth: create at concurrency 8 as the event store grows (target: at 1,000,000 >= 80 % of at 0)", growth);
        Load.Result last = growth.get(growth.size() - 1);
        report.append(String.format("Throughput at the largest store against the empty one: **%.2f**.%n",
                last.throughput() / createAtConcurrency8.throughput()));
    }

    private String replay() throws Exception {
        long events = eventCount();
        Instant start = Instant.now();
        if (operator.post("/api/v2/operations/replay", Map.of()).status() != 202) {
            throw new IllegalStateException("The replay did not start");
        }
        JsonNode state;
        do {
            Thread.sleep(200);
            state = operator.get("/api/v2/operations/replay").body();
        } while (state.path("state").asText().equals("running"));
        if (!state.path("state").asText().equals("done")) {
            throw new IllegalStateException("The replay failed: " + state);
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        progress("replayed " + events + " events in " + seconds + " s");
        return String.format("| %,d | %.1f | %,.0f |", events, seconds, events / seconds);
    }

    private long eventCount() throws Exception {
        try (Connection connection = DriverManager.getConnection(stores.jdbcUrl(), "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM domainevententry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        report.append("## Run\n\n")
                .append(String.format("- %s; %d cores; %.1f GiB memory; JDK %s (%s)%n", Instant.now(),
                        os.getAvailableProcessors(),
                        ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize() / (1024.0 * 1024 * 1024),
                        System.getProperty("java.version"), System.getProperty("java.vm.name")))
                .append(String.format("- mode: %s; %d s per load scenario after a warm-up; the service runs in its own JVM (-Xmx2g), "
                                + "the stores (durable PostgreSQL 17, mongo-java-server on H2) and the load in this one%n%n",
                        quick ? "--quick" : "default", duration.toSeconds()));
    }

    private void table(String title, List<Load.Result> results) {
        report.append("### ").append(title).append("\n\n")
                .append("| scenario | requests/s | p50 ms | p95 ms | p99 ms | max ms | ok | errors |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Load.Result result : results) {
            report.append(String.format("| %s | %,.0f | %.1f | %.1f | %.1f | %.1f | %d | %d |%n", result.name(),
                    result.throughput(), result.millis(50), result.millis(95), result.millis(99), result.maxMillis(),
                    result.ok(), result.errors()));
        }
        report.append('\n');
    }

    private static void progress(String message) {
        System.err.println("[benchmarks] " + message);
    }
}
