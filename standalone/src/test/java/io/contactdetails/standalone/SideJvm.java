package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
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
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One side of the production shape (the command side or a query side) in a JVM of its own, started as its exec
 * jar's main class starts it on 127.0.0.1, with its output kept in a file: a test can kill it for real.
 */
final class SideJvm implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    final Path log;
    private final Process process;

    private SideJvm(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the side on {@code jdbcUrl}'s event store; {@link #awaitHealthy} waits for it. */
    static SideJvm start(Class<?> application, String jdbcUrl, Path log, String... arguments) throws IOException {
        return start(application, jdbcUrl, Map.of(), log, arguments);
    }

    static SideJvm start(Class<?> application, String jdbcUrl, Map<String, String> environment, Path log,
                         String... arguments) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small and quick to start: the tests run beside a build on two cores
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), application.getName(),
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--contact-details.jwt.secret=" + RunningService.SECRET,
                "--spring.main.banner-mode=off",
                // a killed JVM removes no temporary directory of its own; this one goes with the test's log
                "--server.tomcat.basedir=" + log + ".tomcat"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.environment().putAll(environment);
        Process process = builder.start();
        // Should the test JVM be stopped before the test closes it, the side must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new SideJvm(port, log, process);
    }

    /** Up once its health check answers 200; fails at once if the JVM exits. */
    SideJvm awaitHealthy() {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + ":\n" + output());
            }
            return health() == 200;
        });
        return this;
    }

    private int health() throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return 0;
        }
    }

    Api api() {
        return Api.anonymous(port);
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: no shutdown hook runs, as in a crash or the OOM killer. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then SIGKILL if it has not ended within 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
