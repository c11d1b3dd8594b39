package io.contactdetails.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.io.file.PathUtils;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [--quick] [--jar <standalone jar>] [--only create,read,...]}: starts the standalone
 * service on fresh embedded stores, drives it over HTTP and prints markdown tables (the body of BENCHMARKS.md); then
 * the plain CRUD reference with the same requests ({@link CrudReference}).
 * With {@code --against <another standalone jar>}, compares the two side by side instead ({@link SideBySide}).
 */
public final class Benchmarks {
    /**
     * Free ports picked at start, never fixed ones: other engineers run this tool on the same machine, and a fixed
     * port let a run's health check find another run's service and measure it.
     */
    private static final int PORT = freePort();
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
    private Footprint footprint;
    /** Every target of the issue beside what this run measured, printed last. */
    private final List<String> targets = new ArrayList<>();

    /** The scenarios to run ({@code --only create,read}); all of them when not given. */
    private final Set<String> only;

    private Benchmarks(boolean quick, Set<String> only) {
        this.quick = quick;
        this.only = only;
        this.duration = quick ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path jar = Path.of("standalone/target/contact-details.jar");
        Path commandSide = Path.of("command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar");
        Path querySide = Path.of("query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar");
        Path crudReference = Path.of("crud-reference/target/crud-reference.jar");
        Set<String> only = Set.of();
        Path against = null;
        // an argument it does not know, or one without its value, would otherwise start a 15-minute default run
        for (int i = 0; i < args.length; i++) {
            boolean valued = Set.of("--jar", "--against", "--only").contains(args[i]);
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (!valued || i + 1 == args.length) {
                usage("unknown argument, or no value after it: " + args[i]);
            } else if (args[i].equals("--jar")) {
                jar = Path.of(args[++i]);
            } else if (args[i].equals("--against")) {
                against = Path.of(args[++i]);
            } else {
                only = Set.copyOf(Arrays.asList(args[++i].split(",")));
                if (!SCENARIOS.containsAll(only)) {
                    usage("--only takes some of " + SCENARIOS);
                }
            }
        }
        List<Path> required = new ArrayList<>(against != null ? List.of(jar, against) : List.of(jar, commandSide, querySide));
        if (against == null && (only.isEmpty() || only.contains("crud"))) {
            required.add(crudReference);
        }
        for (Path jarFile : required) {
            if (!Files.exists(jarFile)) {
                System.err.println("No jar at " + jarFile + ": build it first (mvn -q -DskipTests package)");
                System.exit(2);
            }
        }
        if (against != null) {
            sideBySide(jar, against, quick, only);
            return;
        }
        Instant started = Instant.now();
        Benchmarks benchmarks = new Benchmarks(quick, only);
        Path work = Files.createTempDirectory("contact-details-benchmarks");
        progress("working in " + work);
        benchmarks.run(jar.toAbsolutePath(), commandSide.toAbsolutePath(), querySide.toAbsolutePath(),
                crudReference.toAbsolutePath(), work);
        benchmarks.report.append(String.format("%nThe tool took %d s.%n", Duration.between(started, Instant.now()).toSeconds()));
        System.out.println(benchmarks.report);
        deleteWorkingDirectory(work);
        System.err.printf("Benchmarks took %d s%n", Duration.between(started, Instant.now()).toSeconds());
        System.exit(0);
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nUsage: java -jar benchmarks/target/benchmarks.jar [--quick] [--jar <standalone jar>] "
                + "[--only <some of " + String.join(",", SCENARIOS) + ">] [--against <another standalone jar>]");
        System.exit(2);
    }

    /** {@code --against}: see {@link SideBySide}; of the scenarios, only create and read are compared. */
    private static void sideBySide(Path jar, Path against, boolean quick, Set<String> only) throws Exception {
        if (!only.isEmpty() && !Set.of("create", "read").containsAll(only)) {
            usage("--against compares create and read; --only takes some of them");
        }
        Instant started = Instant.now();
        Path work = Files.createTempDirectory("contact-details-side-by-side");
        progress("working in " + work);
        String report = SideBySide.run(jar.toAbsolutePath(), against.toAbsolutePath(), work, quick,
                only.isEmpty() || only.contains("create"), only.isEmpty() || only.contains("read"));
        System.out.println(report + String.format("The tool took %d s.%n", Duration.between(started, Instant.now()).toSeconds()));
        deleteWorkingDirectory(work);
        System.exit(0);
    }

    /**
     * A run's stores and logs stay behind only when it fails, for finding out why: a default run leaves 8 GB of them.
     * The report is printed first, so that nothing here loses it.
     */
    private static void deleteWorkingDirectory(Path work) {
        try {
            PathUtils.deleteDirectory(work);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[benchmarks] could not delete " + work + ": " + e);
        }
    }

    private void run(Path jar, Path commandSide, Path querySide, Path crudReference, Path work) throws Exception {
        try (Stores started = new Stores(work)) {
            stores = started;
            machine();
            // first, on a fresh store and alone on the machine: the query side replays what came before it
            if (runs("two-jvms")) {
                twoJvms(jar, commandSide, querySide, work);
            }
            if (!only.equals(Set.of("two-jvms"))) {
                standalone(jar, crudReference, work);
            }
            if (twoJvmLag != null && !runs("lag")) {
                lagTable(List.of());
            }
        }
        targetsTable();
    }

    private void standalone(Path jar, Path crudReference, Path work) throws Exception {
        try (ServiceProcess running = ServiceProcess.standalone(jar, stores, PORT, work.resolve("service.log"))) {
            service = running;
            footprint = new Footprint(List.of(service::pid), stores.postgresData);
            setUp();
            warmUp();
            // growth compares with the create run, the plain CRUD reference with the create and read runs
            if (runs("create") || runs("replay") || runs("crud")) {
                create();
            }
            if (runs("read") || runs("crud")) {
                read();
            }
            if (runs("crud")) {
                againstCrud(crudReference, jar, work);
            }
            if (runs("lag")) {
                projectionLag();
            }
            if (runs("burst")) {
                burst();
            }
            if (runs("limits") && createAtConcurrency8 != null) {
                limits();
            }
            if (runs("replay")) {
                growthAndReplay(jar, work);
            }
            if (!profiles.isEmpty()) {
                report.append("### 7. Where the service's CPU goes (profiled last)\n\n");
                for (Profiled profiled : profiles) {
                    profiled.run();
                }
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final List<String> SCENARIOS = List.of("two-jvms", "create", "read", "lag", "burst", "limits", "replay", "crud");

    private boolean runs(String scenario) {
        return only.isEmpty() || only.contains(scenario);
    }

    private void setUp() throws Exception {
        operator = new Http(PORT, service.token("--admin", "--sub", "benchmark-operator"), null);
        adviser = adviser(service, operator);
        clients = clients(adviser, quick ? 200 : 500);
        progress("set up: 1 firm, " + clients.size() + " clients");
    }

    /** A new firm's first employee, acting through {@code process}'s port. */
    static Http adviser(ServiceProcess process, Http operator) throws Exception {
        JsonNode firm = operator.post("/api/v2/firms", Map.of("name", "Benchmark", "first_name", "Ada",
                "last_name", "Lovelace")).body();
        String employee = firm.path("account").path("uuid").asText();
        return new Http(process.port, process.token("--account", employee, "--ttl-minutes", "600"), employee);
    }

    static List<String> clients(Http adviser, int count) throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(adviser.post("/api/v2/accounts", Map.of("first_name", "Client", "last_name", "No " + i))
                    .body().path("uuid").asText());
        }
        return created;
    }

    /**
     * Waits until the read models have caught up with every event so far (a primary email written now
     * shows in GET), so that no scenario pays for the projection backlog of the one before.
     */
    private void drain() throws Exception {
        drain(adviser, clients.get(0));
    }

    /** As {@link #drain()}, through {@code adviser}'s service and its {@code client}. */
    private void drain(Http adviser, String client) throws Exception {
        long n = unique.incrementAndGet();
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

    /**
     * The service's JIT compiles its hot paths first, so that the first scenario is not measured cold. Keyed creates
     * too: warmed on unkeyed creates alone, the keyed run ran its own path partly in code not yet compiled, and a
     * second keyed run straight after it cost 3-21 % less CPU per create (BENCHMARKS.md, "Twenty-sixth round").
     */
    private void warmUp() throws Exception {
        warmUp(warmUpTime(), this::createOne, this::readOne);
        Load.closed("warm-up, keyed", 8, warmUpTime().dividedBy(4), this::createKeyed);
        progress("warmed up");
    }

    /** Creates at concurrency 8 for {@code time}, then reads for half of it: the warm-up of every system measured. */
    static void warmUp(Duration time, Load.Operation create, Load.Operation read) throws Exception {
        Load.closed("warm-up", 8, time, create);
        Load.closed("warm-up", 8, time.dividedBy(2), read);
    }

    /** C2 keeps compiling a Spring and Axon service's paths for minutes on two cores; 20 s left it mid-way. */
    private Duration warmUpTime() {
        return quick ? Duration.ofSeconds(5) : Duration.ofSeconds(60);
    }

    /** Mixed emails (70 %) and phones (30 %); a third of them asks to become primary, flipping the old one. */
    private boolean createOne(long sequence) throws Exception {
        return created(adviser, createBody(sequence));
    }

    /** The create every scenario sends, through {@code writer}: whether it was answered 201. */
    static boolean created(Http writer, Map<String, Object> body) throws Exception {
        return writer.post("/api/v2/contact-details", body).status() == 201;
    }

    /** The read every scenario sends, through {@code reader}: whether it was answered 200. */
    static boolean readAccount(Http reader, String account) throws Exception {
        return reader.get("/api/v2/accounts/" + account).status() == 200;
    }

    /** The same request as {@link #createOne}, with an {@code Idempotency-Key} of its own. */
    private boolean createKeyed(long sequence) throws Exception {
        return adviser.post("/api/v2/contact-details", createBody(sequence),
                Map.of("Idempotency-Key", "bench-" + unique.incrementAndGet())).status() == 201;
    }

    private Map<String, Object> createBody(long sequence) {
        return createBody(sequence, clients);
    }

    private Map<String, Object> createBody(long sequence, List<String> owners) {
        return newDetail(unique.incrementAndGet(), owners.get((int) (sequence % owners.size())));
    }

    /** The {@code n}th contact detail a run creates, for {@code client}. */
    static Map<String, Object> newDetail(long n, String client) {
        boolean email = n % 10 < 7;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", email ? "email" : "phone_number");
        body.put("name", email ? "Email " + n : "Phone " + n);
        body.put("value", email ? "b" + n + "@bench.example" : "+44 20 " + (30_000_000 + n));
        body.put("is_primary", n % 3 == 0);
        body.put("account_uuids", List.of(client));
        return body;
    }

    private boolean readOne(long sequence) throws Exception {
        return readAccount(adviser, clients.get((int) (sequence % clients.size())));
    }

    /**
     * Profiled runs go last, each on a run of its own: a flight recording costs CPU and has the JIT recompile.
     * The read run measured right after the create profile spent 1.33 ms per read in the JIT compiler, p99 392 ms;
     * with no profile before it ({@code --only read}), 0.01 ms and p99 4.2 ms.
     */
    private final List<Profiled> profiles = new ArrayList<>();

    @FunctionalInterface
    private interface Profiled {
        void run() throws Exception;
    }

    private void profile(String run, Profiled load) throws Exception {
        drain();
        CpuProfile.start(service.pid());
        load.run();
        profileTable(run, CpuProfile.stop(service.pid(), Files.createTempFile("service", ".jfr")));
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
        Load.Result one = Load.closed("closed loop, concurrency 1", 1, duration, this::createOne);
        results.add(one);
        drain();
        long readsBefore = stores.mongoBackend.reads();
        long writesBefore = stores.mongoBackend.writes();
        Footprint.Run unkeyed = footprint.measure(() -> Load.closed("closed loop, concurrency 8", 8, duration, this::createOne));
        Load.Result eight = unkeyed.result();
        Footprint.Cpu cpu = unkeyed.cpu();
        // counted once the processes are quiet, so the projection has written what the load made it write
        double readsPerCreate = (stores.mongoBackend.reads() - readsBefore) / (double) Math.max(1, eight.ok());
        double writesPerCreate = (stores.mongoBackend.writes() - writesBefore) / (double) Math.max(1, eight.ok());
        results.add(eight);
        drain();
        Footprint.Run keyedRun = footprint.measure(() -> Load.closed("closed loop, concurrency 8, each with an Idempotency-Key",
                8, duration, this::createKeyed));
        Load.Result keyed = keyedRun.result();
        Footprint.Cpu keyedCpu = keyedRun.cpu();
        results.add(keyed);
        drain();
        Load.Result thirtyTwo = Load.closed("closed loop, concurrency 32", 32, duration, this::createOne);
        results.add(thirtyTwo);
        drain();
        results.add(Load.open("open loop, 100 requests/s", 100, duration, 64, this::createOne));
        drain();
        results.add(Load.open("open loop, 300 requests/s", 300, duration, 64, this::createOne));
        table("1. Create: POST /api/v2/contact-details (target at concurrency 8: >= 1,000 requests/s, p99 < 25 ms, "
                + "CPU <= 2.0 ms per create)", results);
        report.append(cpuLine("create, concurrency 8", cpu)).append(cpuLine("keyed create, concurrency 8", keyedCpu))
                .append(String.format("%nMongoDB round trips per create at concurrency 8 (the read models' finds and writes, "
                        + "counted by the stand-in; a write is one bulk write of a batch, the processors' token updates "
                        + "apart): %.2f reads, %.2f writes.%n", readsPerCreate, writesPerCreate))
                .append(String.format("%nKeyed against unkeyed, side by side: throughput %.2f, CPU per create %.2f.%n%n",
                        keyed.throughput() / eight.throughput(), keyedCpu.perRequest() / cpu.perRequest()));
        targets.add(target("create: CPU per create at concurrency 8 <= 2.0 ms", cpu.perRequest() <= 2.0,
                "%.2f ms", cpu.perRequest()));
        targets.add(target("create: >= 1,000 requests/s at concurrency 8, p99 < 25 ms",
                eight.throughput() >= 1000 && eight.millis(99) < 25, "%,.0f requests/s, p99 %.1f ms",
                eight.throughput(), eight.millis(99)));
        targets.add(shown("(issue 11) keyed POST against unkeyed", "throughput %.2f, CPU %.2f ms against %.2f ms",
                keyed.throughput() / eight.throughput(), keyedCpu.perRequest(), cpu.perRequest()));
        createAtConcurrency8 = eight;
        createCompared = new CrudReference.Creates(one, unkeyed, thirtyTwo);
        // not when the create ran only for the comparison with the plain CRUD service
        if (runs("create") || runs("replay")) {
            profiles.add(() -> profile("a concurrency-8 create run", () -> Load.closed("profiled", 8, duration, this::createOne)));
        }
        progress("create done");
    }

    private Load.Result createAtConcurrency8;
    /** The create runs compared with the plain CRUD reference's. */
    private CrudReference.Creates createCompared;

    private void read() throws Exception {
        drain();
        long readsBefore = stores.mongoBackend.reads();
        Footprint.Run open = footprint.measure(() -> Load.open("open loop, 500 requests/s over " + clients.size()
                + " accounts", 500, duration, 64, this::readOne));
        Load.Result result = open.result();
        Footprint.Cpu cpu = open.cpu();
        double roundTripsPerRead = (stores.mongoBackend.reads() - readsBefore) / (double) Math.max(1, result.ok());
        // the load of the issue's own table (wrk at concurrency 8), where no request waits for the one before it
        Footprint.Run closed = footprint.measure(() -> Load.closed("closed loop, concurrency 8", 8, duration, this::readOne));
        table("2. Read: GET /api/v2/accounts/{uuid} (target p99 < 10 ms at 500 requests/s, CPU <= 0.3 ms per read, "
                + "one read-store round trip)", List.of(result, closed.result()));
        report.append(cpuLine("read at 500 requests/s", cpu)).append(cpuLine("read at concurrency 8", closed.cpu()))
                .append(String.format("%nMongoDB round trips per read (finds, aggregations and counts, counted by the stand-in): %.2f.%n%n", roundTripsPerRead));
        targets.add(target("read: p99 < 10 ms at 500 requests/s", result.millis(99) < 10, "p99 %.1f ms (p50 %.1f ms)",
                result.millis(99), result.millis(50)));
        targets.add(target("read: CPU per read <= 0.3 ms (at 500 requests/s)", cpu.perRequest() <= 0.3, "%.2f ms",
                cpu.perRequest()));
        targets.add(target("read: CPU per read <= 0.3 ms (at concurrency 8, the load of the issue's table)",
                closed.cpu().perRequest() <= 0.3, "%.2f ms", closed.cpu().perRequest()));
        targets.add(target("read: one read-store round trip", roundTripsPerRead <= 1.05, "%.2f round trips per read", roundTripsPerRead));
        readCompared = new CrudReference.Reads(open, closed);
        if (runs("read")) {
            profiles.add(() -> profile("a 500 requests/s read run", () -> Load.open("profiled", 500, duration, 64, this::readOne)));
        }
        progress("read done");
    }

    /** The read runs compared with the plain CRUD reference's. */
    private CrudReference.Reads readCompared;

    /**
     * The yardstick, measured right after the service's create and read runs on the same PostgreSQL (the service
     * idle meanwhile), and with the same requests: what the service costs against a plain CRUD service of the same
     * create and read ({@link CrudReference}).
     */
    private void againstCrud(Path crudReference, Path jar, Path work) throws Exception {
        CrudReference.Measured crud = CrudReference.measure(crudReference, jar, stores, work, clients.size(),
                warmUpTime(), duration);
        report.append("### 2b. Against a plain CRUD service of the same create and read, this run\n\n")
                .append("`crud-reference`: Spring MVC, Spring Security's JWT resource server, the service's own value "
                        + "objects for validation, and per create one PostgreSQL transaction that finds the acting "
                        + "employee's firm, locks the owners, refuses a value one already owns, inserts the detail and "
                        + "its ownership rows, moves the primary as the service does and reads the owners back for the "
                        + "answer; an account read is one joined query. It verifies every token's signature, as Spring "
                        + "Security does unless told otherwise (the service verifies a token once and keeps it a "
                        + "minute). Its own JVM, with the service's flags, its own database in the same PostgreSQL, "
                        + "measured right after the service's create and read runs (the service idle meanwhile), the "
                        + "same warm-up (but for the keyed creates, which it does not take), and the same requests in "
                        + "the runs compared below, in the same order; CPU is "
                        + "its JVM's and PostgreSQL's, until quiet.\n\n")
                .append("| scenario | this service | plain CRUD | this service against the CRUD |\n|---|---|---|---|\n");
        comparison("POST, concurrency 1", createCompared.one(), crud.create().one(), true);
        comparison("POST, concurrency 8", createCompared.eight().result(), crud.create().eight().result(), true);
        comparison("POST, concurrency 32", createCompared.thirtyTwo(), crud.create().thirtyTwo(), true);
        comparison("GET account, concurrency 8", readCompared.eight().result(), crud.read().eight().result(), true);
        comparison("GET account, 500 requests/s", readCompared.open().result(), crud.read().open().result(), false);
        cpuComparison("CPU per create, concurrency 8", createCompared.eight().cpu(), crud.create().eight().cpu());
        cpuComparison("CPU per read, concurrency 8", readCompared.eight().cpu(), crud.read().eight().cpu());
        cpuComparison("CPU per read, 500 requests/s", readCompared.open().cpu(), crud.read().open().cpu());
        report.append("\nThe plain CRUD service's CPU per request by part: create at concurrency 8, ")
                .append(crud.create().eight().cpu().parts("its JVM"))
                .append("; read at concurrency 8, ").append(crud.read().eight().cpu().parts("its JVM"))
                .append("; read at 500 requests/s, ").append(crud.read().open().cpu().parts("its JVM")).append(".\n\n");
        progress("plain CRUD reference done");
    }

    /** Closed loops compare by throughput; an open loop's throughput is its set rate, so it compares by p99. */
    private void comparison(String scenario, Load.Result service, Load.Result crud, boolean closedLoop) {
        report.append(String.format("| %s | %s | %s | %s %.2f |%n", scenario, cell(service), cell(crud),
                closedLoop ? "throughput" : "p99", closedLoop ? service.throughput() / crud.throughput()
                        : service.millis(99) / crud.millis(99)));
    }

    private static String cell(Load.Result result) {
        return String.format("%,.0f req/s, p50 %.1f ms, p99 %.1f ms%s", result.throughput(), result.millis(50),
                result.millis(99), result.errors() == 0 ? "" : String.format(", **%d errors**", result.errors()));
    }

    private void cpuComparison(String scenario, Footprint.Cpu service, Footprint.Cpu crud) {
        report.append(String.format("| %s | %.2f ms | %.2f ms | %.1fx |%n", scenario, service.perRequest(),
                crud.perRequest(), service.perRequest() / crud.perRequest()));
    }

    /**
     * From the 201 until GET on the account shows the new primary email: one JVM at 50/s and at 300/s (there every
     * tenth create is such a probe, the rest the usual mix), and on its own at the start, the two sides as JVMs.
     */
    private void projectionLag() throws Exception {
        drain();
        Lag at50 = lag("one JVM, 50 creates/s, every one probed", adviser, adviser, clients, 50, 1, footprint);
        drain();
        Lag at300 = lag("one JVM, 300 creates/s, every tenth probed", adviser, adviser, clients, 300, 10, footprint);
        targets.add(target("lag: p99 < 100 ms, one JVM at 300 creates/s", at300.met(),
                "p99 %.1f ms, %s timeouts or errors", at300.result().millis(99), at300.failures()));
        lagTable(List.of(at50, at300));
        progress("projection lag done");
    }

    private Lag twoJvmLag;

    /** The production shape: the command side and the query side as JVMs of their own on the same stores. */
    private void twoJvms(Path jar, Path commandSide, Path querySide, Path work) throws Exception {
        try (ServiceProcess commands = ServiceProcess.side(commandSide, jar, stores, "two_jvms", freePort(),
                work.resolve("command-side.log"));
             ServiceProcess queries = ServiceProcess.side(querySide, jar, stores, "two_jvms", freePort(),
                     work.resolve("query-side.log"))) {
            Http writes = adviser(commands, new Http(commands.port, commands.token("--admin"), null));
            Http reads = writes.as(queries.port);
            List<String> accounts = clients(writes, 50);
            // the standalone's warm-up: after 10 s at 50/s alone, the two young JVMs were still compiling (lag p50
            // 24-90 ms across runs of the same code; 9.3 ms after this warm-up)
            Load.closed("warm-up", 8, warmUpTime(), sequence ->
                    created(writes, createBody(sequence, accounts)));
            Load.closed("warm-up", 8, warmUpTime().dividedBy(2), sequence ->
                    readAccount(reads, accounts.get((int) (sequence % accounts.size()))));
            lag("warm-up", writes, reads, accounts, 50, 1, null);
            twoJvmLag = lag("two JVMs (command side, query side), 50 creates/s, every one probed", writes, reads,
                    accounts, 50, 1, null);
            targets.add(target("lag: p99 < 100 ms, two JVMs at 50 creates/s", twoJvmLag.met(),
                    "p99 %.1f ms, %s timeouts or errors", twoJvmLag.result().millis(99), twoJvmLag.failures()));
        }
        progress("two JVMs done");
    }

    /**
     * A lag scenario's probes: their lags, and as errors the writes not answered 201 and the probes not seen within
     * {@link #PROBE_TIMEOUT}, these counted apart ({@code unseen}): a write refused is the write side's failure, one
     * not seen the read side's. {@code reads}: the GETs the probes sent, a load of their own on the read side that
     * grows with the lag.
     */
    private record Lag(Load.Result result, long unseen, long reads, Contention contention) {
        /** Over the probes that polled: those seen (the lags recorded) and those not. */
        double readsPerProbe() {
            return (double) reads / Math.max(1, result.latency().getTotalCount() + unseen);
        }

        boolean met() {
            return result.millis(99) < 100 && result.errors() == 0;
        }

        String failures() {
            return result.errors() == 0 ? "0" : String.format("%d (%d not seen within %d s, the rest refused)",
                    result.errors(), unseen, PROBE_TIMEOUT.toSeconds());
        }
    }

    /**
     * What the projection shared the cores with during a lag scenario, in cores busy on average: the machine (every
     * process, this tool's load and other work included) and, of that, the one JVM with its stores (its JIT threads
     * apart) and its JIT threads. The last two are null for the two JVMs, which run before the standalone and its
     * footprint exist.
     */
    private record Contention(double machineCores, Double serviceCores, Double jitCores) {
        static Contention of(long machineBusyNanos, Footprint.Cpu jvm, double seconds) {
            return new Contention(machineBusyNanos / 1e9 / seconds, jvm == null ? null : jvm.millis() / 1e3 / seconds,
                    jvm == null ? null : jvm.jit() / 1e3 / seconds);
        }

        String cells() {
            return String.format("%.2f | %s | %s", machineCores, cores(serviceCores), cores(jitCores));
        }

        private static String cores(Double cores) {
            return cores == null ? "-" : String.format("%.2f", cores);
        }
    }

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    /** {@code footprint}: the one JVM's, whose CPU is counted beside the lags; null for the two JVMs. */
    private Lag lag(String name, Http writes, Http reads, List<String> accounts, double perSecond, int probeEvery,
                    Footprint footprint) throws Exception {
        Recorder lag = new Recorder(3);
        AtomicLong unseen = new AtomicLong();
        AtomicLong reading = new AtomicLong();
        Callable<Load.Result> scenario = () -> Load.open(name, perSecond, duration, 64, sequence -> {
            String client = accounts.get((int) (sequence % accounts.size()));
            if (sequence % probeEvery != 0) {
                return created(writes, createBody(sequence));
            }
            long n = unique.incrementAndGet();
            Http.Response created = writes.post("/api/v2/contact-details", Map.of("type", "email", "name", "Lag " + n,
                    "value", "lag" + n + "@bench.example", "is_primary", true, "account_uuids", List.of(client)));
            long answered = System.nanoTime();
            if (created.status() != 201) {
                Load.failed(name + ": a probe's write answered " + created.status() + ": " + created.body());
                return false;
            }
            String uuid = created.body().path("uuid").asText();
            String account = "/api/v2/accounts/" + client;
            Http.Response read = reads.get(account);
            reading.incrementAndGet();
            while (!projected(uuid, read.body())) {
                if (System.nanoTime() - answered > PROBE_TIMEOUT.toNanos()) {
                    unseen.incrementAndGet();
                    Load.failed(name + ": detail " + uuid + " not seen; the account's last read answered "
                            + read.status() + ": " + read.body());
                    return false;
                }
                // to within a tenth of the lag so far: a backlog must not multiply the GETs that wait for it
                Thread.sleep(Math.max(POLL_MILLIS, (System.nanoTime() - answered) / 10_000_000));
                read = reads.get(account);
                reading.incrementAndGet();
            }
            lag.recordValue(System.nanoTime() - answered);
            return true;
        });
        long busyBefore = Footprint.machineBusyNanos();
        long started = System.nanoTime();
        Footprint.Run run = footprint == null ? new Footprint.Run(scenario.call(), null) : footprint.during(scenario);
        // one window for all three, the footprint's own samples inside it: the machine's busy time cannot then
        // exceed its cores
        double seconds = (System.nanoTime() - started) / 1e9;
        Contention contention = Contention.of(Footprint.machineBusyNanos() - busyBefore, run.cpu(), seconds);
        Load.Result load = run.result();
        return new Lag(new Load.Result(name, lag.getIntervalHistogram(), load.ok(), load.errors(), load.seconds()),
                unseen.get(), reading.get(), contention);
    }

    /**
     * Whether {@code account} shows the probe's new primary email {@code detail}, or one made after it: another
     * create on the account may make its own primary before the read model shows the probe's (at 50 creates/s on
     * 50 accounts, each account's primary changes every second), and one made later on the same account is projected
     * after it. Ids are time-ordered (version 7): of two, the later sorts after, as text too.
     */
    private static boolean projected(String detail, JsonNode account) {
        String primary = account.path("primary_email").path("uuid").asText();
        return !primary.isEmpty() && primary.compareTo(detail) >= 0;
    }

    /** The one JVM's lags and, measured first on its own unless left out (--only lag), the two JVMs'. */
    private void lagTable(List<Lag> oneJvm) throws IOException {
        List<Lag> lags = new ArrayList<>(oneJvm);
        if (twoJvmLag != null) {
            lags.add(twoJvmLag);
        }
        report.append("### 3. Projection lag (target p99 < 100 ms)\n\n")
                .append("From each probe's 201 until GET /api/v2/accounts/{uuid} shows its new primary email (or one "
                        + "created on the account after it), polled every "
                        + POLL_MILLIS + " ms, or a tenth of the time waited so far when longer (so to within the larger of " + POLL_MILLIS
                        + " ms and 10 %).\n\n")
                .append("Beside each, what the projection shared the machine's ")
                .append(Footprint.machineCpus())
                .append(" cores with, in cores busy on average while its load ran: every process (this tool's load, "
                        + "the stores and any other work on the machine), and of that the one JVM with its PostgreSQL "
                        + "and stand-in (its JIT compiler threads apart), and those JIT threads.\n\n")
                .append("| scenario | p50 ms | p95 ms | p99 ms | max ms | samples | requests | timeouts or errors "
                        + "| GETs per probe | machine busy, cores | the service and its stores | its JIT |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Lag probes : lags) {
            Load.Result lag = probes.result();
            report.append(String.format("| %s | %.1f | %.1f | %.1f | %.1f | %d | %d | %s | %.1f | %s |%n", lag.name(),
                    lag.millis(50), lag.millis(95), lag.millis(99), lag.maxMillis(), lag.latency().getTotalCount(),
                    lag.ok(), probes.failures(), probes.readsPerProbe(), probes.contention().cells()));
        }
        report.append('\n');
    }

    /** Creates at concurrency 32, then how long after the last answer the read model shows a write made then. */
    private void burst() throws Exception {
        drain();
        Duration length = quick ? Duration.ofSeconds(5) : Duration.ofSeconds(20);
        Load.Result burst = Load.closed("burst, concurrency 32", 32, length, this::createOne);
        long ended = System.nanoTime();
        drain();
        double catchUp = (System.nanoTime() - ended) / 1e9;
        report.append(String.format("### 3b. Catch-up after a burst (target: caught up within 1 s of the last write)%n%n"
                        + "%d s of creates at concurrency 32: %,.0f requests/s, p99 %.1f ms, %d errors. From the burst's "
                        + "last answer until a primary email written then shows in GET: **%.2f s**.%n%n",
                length.toSeconds(), burst.throughput(), burst.millis(99), burst.errors(), catchUp));
        targets.add(target("burst: caught up within 1 s of the last write (" + length.toSeconds() + " s at concurrency 32)",
                catchUp <= 1.0, "%.2f s", catchUp));
        progress("burst done");
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

    private void growthAndReplay(Path jar, Path work) throws Exception {
        List<Load.Result> growth = new ArrayList<>(List.of(createAtConcurrency8));
        List<String> replays = new ArrayList<>();
        for (long target : quick ? new long[]{10_000, 30_000} : new long[]{100_000, 1_000_000}) {
            long present = eventCount();
            Fill.events(stores.jdbcUrl(), target - present);
            progress("filled to " + eventCount() + " events");
            // the live processor projects the filled events first (the drain shows its write's segment caught up;
            // the other runs beside it), so that the replay is measured alone: asked for during that catch-up, a
            // replay's POST once went unanswered past the client's 30 s
            drain();
            replays.add(replay());
            drain();
            long events = eventCount();
            Maintenance before = eventTableMaintenance();
            growth.add(Load.closed("concurrency 8, store at " + String.format("%,d", events) + " events", 8,
                    duration, this::createOne));
            Maintenance after = eventTableMaintenance();
            maintenance.add(String.format("at %,d events, under way as the run began: %s; finished during it: "
                            + "vacuums %d, analyses %d; under way as it ended: %s", events, before.underWay(),
                    after.vacuums() - before.vacuums(), after.analyses() - before.analyses(), after.underWay()));
        }
        report.append("### 4. Replay: rebuild every read model from the events (target >= 20,000 events/s over 1,000,000)\n\n")
                .append("| events | seconds | of which before the first event (the reset) | events/s | CPU µs per event (service and stores) | of which service JVM / PostgreSQL / stand-in (JIT apart) | MongoDB reads per event | MongoDB writes per event |\n|---|---|---|---|---|---|---|---|\n");
        replays.forEach(line -> report.append(line).append('\n'));
        targets.add(target("replay: >= 20,000 events/s over " + String.format("%,d", lastReplayEvents) + " events",
                lastReplayRate >= 20_000, "%,.0f events/s (CPU-bound on this shared machine: see the CPU per event)",
                lastReplayRate));
        report.append('\n');
        // without the limits scenario (--only replay) there is no raw figure to set the replay beside
        if (rawMongoRequestsPerSecond > 0) {
            report.append(String.format("The MongoDB stand-in took %,.0f single writes/s raw in this run (one writer, "
                    + "as the projection is); a replayed event costs the projection about %.2f writes.%n%n",
                    rawMongoRequestsPerSecond * 4, WRITES_PER_FILLED_EVENT));
        }
        // the standalone above stays up, idle, with nothing of it counted
        report.append(embeddedReplay(jar, work));
        table("5. Growth: create at concurrency 8 as the event store grows (target: at 1,000,000 >= 80 % of at 0)", growth);
        Load.Result last = growth.get(growth.size() - 1);
        report.append(String.format("Throughput at the largest store against the empty one: **%.2f**.%n%n",
                last.throughput() / createAtConcurrency8.throughput()))
                .append("PostgreSQL's autovacuum of the event table as each growth run began and ended (from "
                        + "`pg_stat_user_tables` and the progress views): ").append(String.join("; ", maintenance))
                .append(String.format(".%n%n"));
    }

    private String replay() throws Exception {
        long events = eventCount(stores.jdbcUrl());
        long readsBefore = stores.mongoBackend.reads();
        long writes = stores.mongoBackend.writes();
        Replayed replayed = replay(operator, footprint, events);
        double[] seconds = {replayed.seconds()};
        Footprint.Cpu cpu = replayed.cpu();
        double readsPerEvent = (stores.mongoBackend.reads() - readsBefore) / (double) events;
        double writesPerEvent = (stores.mongoBackend.writes() - writes) / (double) events;
        lastReplayEvents = events;
        lastReplayRate = events / seconds[0];
        progress("replayed " + events + " events in " + seconds[0] + " s");
        return String.format("| %,d | %.1f | %.1f | %,.0f | %.0f | %.0f / %.0f / %.0f (%.0f) | %.3f | %.3f |", events,
                seconds[0], replayed.firstEventSeconds(), events / seconds[0], cpu.perRequest() * 1000,
                cpu.service() * 1000 / events, cpu.postgres() * 1000 / events, cpu.standIn() * 1000 / events,
                cpu.jit() * 1000 / events, readsPerEvent, writesPerEvent);
    }

    /** {@code firstEventSeconds}: from the replay's POST until its progress first counts an event (its reset). */
    private record Replayed(double seconds, double firstEventSeconds, Footprint.Cpu cpu) {
    }

    /** Replays {@code events} through {@code operator}'s service, its CPU counted by {@code footprint}. */
    private static Replayed replay(Http operator, Footprint footprint, long events) throws Exception {
        double[] seconds = new double[2];
        Footprint.Cpu cpu = footprint.measure(() -> {
            Instant start = Instant.now();
            if (operator.post("/api/v2/operations/replay", Map.of()).status() != 202) {
                throw new IllegalStateException("The replay did not start");
            }
            JsonNode state;
            do {
                Thread.sleep(200);
                state = operator.get("/api/v2/operations/replay").body();
                if (seconds[1] == 0 && state.path("events_done").asLong() > 0) {
                    seconds[1] = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                }
            } while (state.path("state").asText().equals("running"));
            if (!state.path("state").asText().equals("done")) {
                throw new IllegalStateException("The replay failed: " + state);
            }
            seconds[0] = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            return events;
        });
        return new Replayed(seconds[0], seconds[1], cpu);
    }

    /**
     * The replay a user of {@code java -jar} gets: the standalone on the embedded stores it starts itself (its
     * stand-in inside its JVM, writing its file between batches; one segment), beside the idle standalone above, over as many
     * events as the last replay above. The stand-in's commands are not counted here (it is not this JVM's).
     */
    private String embeddedReplay(Path jar, Path work) throws Exception {
        Path data = work.resolve("embedded");
        try (ServiceProcess embedded = ServiceProcess.embedded(jar, data, freePort(), work.resolve("embedded.log"))) {
            Path postgres = data.resolve("postgres");
            int port = Integer.parseInt(Files.readAllLines(postgres.resolve("postmaster.pid")).get(3).strip());
            String jdbcUrl = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
            Http operator = new Http(embedded.port, embedded.token("--admin", "--sub", "benchmark-operator"), null);
            Http adviser = adviser(embedded, operator);
            String client = clients(adviser, 1).get(0);
            Fill.events(jdbcUrl, lastReplayEvents - eventCount(jdbcUrl));
            long events = eventCount(jdbcUrl);
            progress("embedded: filled to " + events + " events");
            drain(adviser, client);
            Replayed replayed = replay(operator, new Footprint(List.of(embedded::pid), postgres), events);
            double rate = events / replayed.seconds();
            progress("embedded: replayed " + events + " events in " + replayed.seconds() + " s");
            String line = String.format("On the standalone's own embedded stores (`java -jar` with no server: its stand-in "
                            + "inside its JVM, one segment): %,d events in %.1f s, **%,.0f events/s**, "
                            + "%.0f µs of CPU per event (its JVM with the stand-in, %.0f; its PostgreSQL, %.0f); the reset "
                            + "before the first event (the old read models dropped) took %.1f s of it.%n%n",
                    events, replayed.seconds(), rate, replayed.cpu().perRequest() * 1000,
                    replayed.cpu().service() * 1000 / events, replayed.cpu().postgres() * 1000 / events,
                    replayed.firstEventSeconds());
            targets.add(target(String.format("replay on the standalone's own embedded stores: >= 20,000 events/s over "
                    + "%,d events", events), rate >= 20_000, "%,.0f events/s (%.1f s of it the reset)", rate,
                    replayed.firstEventSeconds()));
            return line;
        }
    }

    /** Per growth run, whether PostgreSQL's autovacuum of the event table shared the machine with it. */
    private final List<String> maintenance = new ArrayList<>();

    /** The event table's autovacuums and autoanalyses finished so far, and whether one of each is under way. */
    private record Maintenance(long vacuums, long analyses, boolean vacuuming, boolean analysing) {
        String underWay() {
            List<String> running = new ArrayList<>();
            if (vacuuming) {
                running.add("a vacuum");
            }
            if (analysing) {
                running.add("an analysis");
            }
            return running.isEmpty() ? "none" : String.join(" and ", running);
        }
    }

    /**
     * A fill of hundreds of thousands of rows sets off PostgreSQL's autovacuum and autoanalyze of the event table,
     * which may still run when the growth run after the fill's replay begins.
     */
    private Maintenance eventTableMaintenance() throws Exception {
        try (Connection connection = DriverManager.getConnection(stores.jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT t.autovacuum_count, t.autoanalyze_count,
                            EXISTS (SELECT FROM pg_stat_progress_vacuum v WHERE v.relid = t.relid),
                            EXISTS (SELECT FROM pg_stat_progress_analyze a WHERE a.relid = t.relid)
                       FROM pg_stat_user_tables t WHERE t.relname = 'domainevententry'""")) {
            if (!rows.next()) {
                throw new IllegalStateException("No event table in " + stores.jdbcUrl());
            }
            return new Maintenance(rows.getLong(1), rows.getLong(2), rows.getBoolean(3), rows.getBoolean(4));
        }
    }

    private long lastReplayEvents;
    private double lastReplayRate;

    private long eventCount() throws Exception {
        return eventCount(stores.jdbcUrl());
    }

    private static long eventCount(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
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
                                + "the stores (durable PostgreSQL 17, mongo-java-server on H2) and the load in this one; "
                                + "CPU per request is the service JVM's, PostgreSQL's (server and backends) and the "
                                + "stand-in's threads', from the load's start until they are quiet again, less their rate "
                                + "at rest sampled before; the service's JIT compiler threads are counted apart (a young "
                                + "JVM's one-off cost: a %d s create, %d s read and %d s keyed create warm-up leaves some compiling)%n%n",
                        quick ? "--quick" : "default", duration.toSeconds(), warmUpTime().toSeconds(),
                        warmUpTime().dividedBy(2).toSeconds(), warmUpTime().dividedBy(4).toSeconds()));
    }

    private static String cpuLine(String scenario, Footprint.Cpu cpu) {
        return String.format("- CPU, %s: **%.2f ms per request** (%.0f ms over %d requests; quiet %.1f s after the load); "
                        + "per request: %s%n",
                scenario, cpu.perRequest(), cpu.millis(), cpu.requests(), cpu.quietAfterSeconds(), cpu.parts());
    }

    private static String target(String target, boolean met, String format, Object... measured) {
        return String.format("| %s | %s | %s |", target, String.format(format, measured), met ? "met" : "missed");
    }

    /** A cost an issue asks to see, with no figure to meet. */
    private static String shown(String what, String format, Object... measured) {
        return String.format("| %s | %s | shown (no target) |", what, String.format(format, measured));
    }

    private void targetsTable() {
        report.append("### Targets of issue 12, this run\n\n| target | measured | verdict |\n|---|---|---|\n");
        targets.forEach(line -> report.append(line).append('\n'));
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

    static void progress(String message) {
        System.err.println("[benchmarks] " + message);
    }
}
