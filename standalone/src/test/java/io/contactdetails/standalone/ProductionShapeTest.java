package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import io.contactdetails.command.CommandSideApplication;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import io.contactdetails.query.QuerySideApplication;
import io.contactdetails.standin.StandInBackend;
import io.contactdetails.standin.StandInFileStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production shape without Docker: the command side and the query side, each in a JVM of its own, on one
 * PostgreSQL and the MongoDB stand-in, behind nginx running the repository's {@code deploy/nginx.conf} with its
 * upstream names mapped to this machine's ports. The README's walk goes through the proxy only.
 */
class ProductionShapeTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<Process> processes = new ArrayList<>();
    private static final Thread CLEANUP = new Thread(ProductionShapeTest::stopProcesses, "production-shape-cleanup");

    private static Path directory;
    private static EmbeddedPostgres postgres;
    private static MongoServer mongo;
    private static SideJvm commandSide;
    private static SideJvm querySide;
    private static Path commandSideLog;
    private static int proxyPort;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> nginx = nginx();
        if (nginx.isEmpty()) {
            // CI installs nginx (.ci/run), so there its absence is a failure; a developer may lack it
            assertThat(System.getenv("CI")).as("nginx is missing on CI").isNotEqualTo("true");
            Assumptions.abort("nginx is not installed here (apt-get install nginx-light)");
        }
        Runtime.getRuntime().addShutdownHook(CLEANUP);
        directory = RunningService.newDataDirectory();
        postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("postgres")).start();
        mongo = new MongoServer(new StandInBackend(StandInFileStore.builder(directory.resolve("mongo.mv").toString()).open()));
        InetSocketAddress mongoAddress = mongo.bind();

        String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        commandSideLog = directory.resolve("command-side.log");
        commandSide = SideJvm.start(CommandSideApplication.class, jdbcUrl, Map.of("CONTACT_DETAILS_LOG_FORMAT", "ecs"),
                commandSideLog,
                // the test class path holds the read side's MongoDB driver too, which this side never uses
                "--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
                // one line per request, so that the structured log shows what a request's lines carry
                "--logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG");
        // the command side migrates the schema the query side reads, so it starts first
        commandSide.awaitHealthy();
        querySide = SideJvm.start(QuerySideApplication.class, jdbcUrl, directory.resolve("query-side.log"),
                "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + mongoAddress.getPort(),
                "--contact-details.mongodb.database=contact_details").awaitHealthy();

        proxyPort = freePort();
        Process proxy = proxy(nginx.get(), commandSide.port, querySide.port, proxyPort);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            assertThat(proxy.isAlive()).as("nginx exited").isTrue();
            return status(proxyPort, "/actuator/health") == 200;
        });
    }

    @AfterAll
    static void stop() throws IOException, InterruptedException {
        stopProcesses();
        Runtime.getRuntime().removeShutdownHook(CLEANUP);
        for (SideJvm side : new SideJvm[]{querySide, commandSide}) {
            if (side != null) {
                side.close();
            }
        }
        if (mongo != null) {
            mongo.shutdown();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theReadmeWalkThroughTheProxyWritesOnTheCommandSideAndReadsFromTheQuerySide() {
        Tenants tenants = new Tenants(proxyPort);
        Tenants.Firm firm = tenants.newFirm("Behind the proxy");
        String client = firm.newClient("Gareth", "Thompson");
        Api.Response created = firm.api().post("/api/v2/contact-details", Bodies.seed(List.of(client)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String detail = created.text("uuid");

        // the query side answers as the command side did, once it has projected every event of the write
        await().atMost(Duration.ofSeconds(15))
                .until(() -> firm.api().get("/api/v2/contact-details/" + detail).body(), created.body()::equals);
        assertThat(firm.api().get("/api/v2/accounts/" + client).body().path("primary_phone_number").path("uuid").asText())
                .isEqualTo(detail);

        Api.Response renamed = firm.api().send(firm.api().builder("/api/v2/contact-details/" + detail)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Office\"}")));
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                firm.api().get("/api/v2/contact-details/" + detail).text("name").equals("Office"));

        assertThat(firm.api().send(firm.api().builder("/api/v2/contact-details/" + detail).DELETE()).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                firm.api().get("/api/v2/contact-details/" + detail).status() == 404);
        JsonNode history = firm.api().get("/api/v2/contact-details/" + detail + "/history").body().path("data");
        assertThat(history).extracting(entry -> entry.path("event").asText()).contains("contact_detail_removed");

        Api operator = tenants.anonymous().as(tenants.adminToken(), null);
        assertThat(operator.get("/api/v2/operations/replay").status()).isEqualTo(200);
    }

    @Test
    void withOneSwitchASideLogsJsonLinesThatNameTheRequestAndTheActingAccount() throws IOException {
        Tenants.Firm firm = new Tenants(proxyPort).newFirm("Logged");
        Api.Response answer = firm.api().send(firm.api().builder("/api/v2/accounts")
                .header("Content-Type", "application/json").header("X-Request-Id", "logged-request-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"first_name\":\"Lou\",\"last_name\":\"Gged\"}")));
        assertThat(answer.status()).isEqualTo(201);

        JsonNode completed = await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Stream<String> lines = Files.lines(commandSideLog)) {
                return lines.filter(line -> line.contains("logged-request-1")).map(ProductionShapeTest::json)
                        .filter(line -> line.path("message").asText().startsWith("Completed 201")).findFirst();
            }
        }, Optional::isPresent).orElseThrow();
        assertThat(completed.path("@timestamp").isTextual()).isTrue();
        assertThat(completed.path("request_id").asText()).isEqualTo("logged-request-1");
        assertThat(completed.path("acting_account_uuid").asText()).isEqualTo(firm.employee());
        assertThat(completed.path("firm_uuid").asText()).isEqualTo(firm.uuid());
    }

    @Test
    void eachSideMintsTheTokensItAcceptsWithoutTheStandaloneJar() throws Exception {
        String admin = mint(CommandSideApplication.class, "--admin");
        Api.Response firm = Api.anonymous(proxyPort).as(admin, null).post("/api/v2/firms", Bodies.firm("Minted"));
        assertThat(firm.status()).as(firm.raw()).isEqualTo(201);
        String employee = firm.body().path("account").path("uuid").asText();

        String adviser = mint(QuerySideApplication.class, "--account", employee);

        // the query side is another process: it has the employee once it has projected the firm's events
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                Api.anonymous(proxyPort).as(adviser, employee).get("/api/v2/accounts/" + employee).status()).isEqualTo(200));
    }

    /** {@code java -jar <side>-exec.jar token ...}, as the README has a newcomer type it. */
    private static String mint(Class<?> side, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), side.getName(), "token"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("CONTACT_DETAILS_JWT_SECRET", RunningService.SECRET);
        Process process = started(builder);
        String token = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return token;
    }

    private static JsonNode json(String line) {
        try {
            return Api.JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("Not a JSON log line: " + line, e);
        }
    }

    private static Optional<Path> nginx() {
        return Stream.concat(Stream.of(Path.of("/usr/sbin/nginx")), Stream.of(System.getenv("PATH").split(":"))
                        .map(entry -> Path.of(entry, "nginx")))
                .filter(Files::isExecutable).findFirst();
    }

    /** nginx on the repository's configuration, its upstream names and port mapped to this machine's. */
    private static Process proxy(Path nginx, int commandPort, int queryPort, int port) throws IOException {
        Path prefix = directory.resolve("nginx");
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        String config = Files.readString(Path.of("..", "deploy", "nginx.conf"));
        String mapped = replaceOnce(replaceOnce(replaceOnce(replaceOnce(config,
                                "server command-side:8080;", "server 127.0.0.1:" + commandPort + ";"),
                        "server query-side:8080;", "server 127.0.0.1:" + queryPort + ";"),
                "listen 8080;", "listen 127.0.0.1:" + port + ";"),
                // a process of the test's own, writing only under its prefix
                "http {", "http {\n    access_log " + prefix.resolve("logs/access.log") + ";\n    client_body_temp_path "
                        + prefix.resolve("temp/body") + ";\n    proxy_temp_path " + prefix.resolve("temp/proxy") + ";");
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, mapped);
        return started(new ProcessBuilder(nginx.toString(), "-p", prefix.toString(), "-c", conf.toString(),
                "-e", prefix.resolve("logs/error.log").toString(),
                "-g", "daemon off; master_process on; pid " + prefix.resolve("nginx.pid") + ";")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()));
    }

    private static String replaceOnce(String text, String target, String replacement) {
        assertThat(text).as("deploy/nginx.conf has " + target).containsOnlyOnce(target);
        return text.replace(target, replacement);
    }

    private static Process started(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    private static int status(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopProcesses() {
        synchronized (processes) {
            processes.forEach(Process::destroy);
            for (Process process : processes) {
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
            processes.clear();
        }
    }
}
