package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/**
 * The standalone service in a JVM of its own, started like the jar (same main class, same arguments), so that a
 * test can kill it for real: an in-JVM stop runs shutdown code that a crash never runs.
 */
final class ServiceJvm implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Path dataDirectory;
    final Path log;
    final int port;
    private final Process process;

    private ServiceJvm(Path dataDirectory, Path log, int port, Process process) {
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    static ServiceJvm start(Path dataDirectory, Path log) {
        return start(dataDirectory, log, List.of(), environment -> {
        });
    }

    /** Starts the service and waits until it answers its health check; fails at once if the JVM exits. */
    static ServiceJvm start(Path dataDirectory, Path log, List<String> jvmOptions, Consumer<Map<String, String>> environment) {
        int port = freePort();
        Process process = java(jvmOptions, List.of("--server.port=" + port, "--contact-details.data-dir=" + dataDirectory,
                "--contact-details.jwt.secret=" + RunningService.SECRET, "--spring.main.banner-mode=off",
                // a killed JVM removes no temporary directory of its own; this one goes with the test's data
                "--server.tomcat.basedir=" + dataDirectory + ".tomcat",
                // one login writes and checks hundreds of details a minute here; the limit has tests of its own
                "--contact-details.rate-limit.per-minute=0"), log, environment);
        ServiceJvm service = new ServiceJvm(dataDirectory, log, port, process);
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(service::healthy);
        } catch (RuntimeException | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        return service;
    }

    /** {@code replay --verify} on the data directory, as an operator runs it; its exit code. */
    static int replayVerify(Path dataDirectory, Path log) throws InterruptedException {
        Process replay = java(List.of(), List.of("replay", "--verify", "--data-dir", dataDirectory.toString()), log, environment -> {
        });
        if (!replay.waitFor(2, TimeUnit.MINUTES)) {
            replay.destroyForcibly();
            throw new AssertionError("replay --verify did not finish in 2 minutes");
        }
        return replay.exitValue();
    }

    private static Process java(List<String> jvmOptions, List<String> arguments, Path log,
                                Consumer<Map<String, String>> environment) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small and quick to start: the tests run beside a build on two cores
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(Main.class.getName());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        environment.accept(builder.environment());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean healthy() {
        if (!process.isAlive()) {
            throw new AssertionError("The service exited with " + process.exitValue() + " before it was healthy:\n" + logTail());
        }
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("UP");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Api api() {
        return Api.anonymous(port);
    }

    Tenants tenants() {
        return new Tenants(port);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, as in a crash or the OOM killer. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM; the exit code if the JVM ended within {@code timeout}. */
    Optional<Integer> terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
        killLeftoverPostgres();
    }

    /**
     * A PostgreSQL left running by a killed service outlives the test JVM too (it runs detached): whatever the code
     * under test did, a test that kills services ends it here, as the service's next start would
     * ({@link LeftoverPostgres}: {@code pg_ctl stop}, so that it removes its socket from the directory every
     * PostgreSQL of the machine shares, where a postmaster killed outright left it).
     */
    private void killLeftoverPostgres() {
        try {
            LeftoverPostgres.stop(dataDirectory.resolve("postgres").toAbsolutePath().normalize());
        } catch (IOException | RuntimeException noServerLeft) {
            // the directory gone, or a service still running on it: nothing this test may end
        }
    }
}
