package io.contactdetails.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The standalone jar (or one side's exec jar) in a JVM of its own, as a user would run it. */
final class ServiceProcess implements AutoCloseable {
    static final String SECRET = "benchmark-secret-of-at-least-thirty-two-bytes";

    private final Process process;
    private final Path jar;
    final int port;

    /** The standalone jar: both sides in one JVM. */
    static ServiceProcess standalone(Path jar, Stores stores, int port, Path log) throws IOException, InterruptedException {
        return new ServiceProcess(jar, jar, on(stores, log), port, log, serviceOptions());
    }

    /**
     * The standalone jar on the embedded stores it starts itself in {@code dataDirectory}, as {@code java -jar} runs
     * it with no server to install: its MongoDB stand-in inside its JVM, its PostgreSQL a child process.
     */
    static ServiceProcess embedded(Path jar, Path dataDirectory, int port, Path log) throws IOException, InterruptedException {
        return new ServiceProcess(jar, jar, Map.of("CONTACT_DETAILS_DATA_DIR", dataDirectory.toString()), port, log,
                serviceOptions());
    }

    /**
     * One side's exec jar (the production shape); {@code database} keeps its read models and tokens apart from
     * another process's on the same MongoDB. Tokens are still minted with the standalone jar.
     */
    static ServiceProcess side(Path sideJar, Path standaloneJar, Stores stores, String database, int port, Path log)
            throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>(on(stores, log));
        environment.put("MONGODB_DATABASE", database);
        return new ServiceProcess(sideJar, standaloneJar, environment, port, log, serviceOptions());
    }

    /** The plain CRUD reference ({@link CrudReference}) on its own database; tokens are minted with the standalone jar. */
    static ServiceProcess crudReference(Path crudJar, Path standaloneJar, String jdbcUrl, int port, Path log)
            throws IOException, InterruptedException {
        return new ServiceProcess(crudJar, standaloneJar, Map.of(
                "SPRING_DATASOURCE_URL", jdbcUrl,
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", ""), port, log, List.of());
    }

    private static Map<String, String> on(Stores stores, Path log) {
        return Map.of(
                "SPRING_DATASOURCE_URL", stores.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "",
                "MONGODB_URI", stores.mongoUri,
                "CONTACT_DETAILS_DATA_DIR", log.getParent().resolve("service-data").toString());
    }

    /** e.g. a flight recording of the service alone: SERVICE_JAVA_OPTIONS=-XX:StartFlightRecording=filename=s.jfr */
    private static List<String> serviceOptions() {
        String options = System.getenv("SERVICE_JAVA_OPTIONS");
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    private ServiceProcess(Path runnable, Path jar, Map<String, String> environment, int port, Path log,
                           List<String> javaOptions) throws IOException, InterruptedException {
        this.jar = jar;
        this.port = port;
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx2g"));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", runnable.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of(
                "PORT", Integer.toString(port),
                "CONTACT_DETAILS_JWT_SECRET", SECRET,
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true",
                // The benchmarks measure what the service can do, not Plannr's per-subject allowance.
                "CONTACT_DETAILS_RATE_LIMIT_PER_MINUTE", "0"));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        process = builder.start();
        try {
            awaitHealthy(runnable, log);
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    /** Mints a token with the jar's own command, as the README tells users to. */
    String token(String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "token");
        builder.command().addAll(List.of(args));
        builder.environment().put("CONTACT_DETAILS_JWT_SECRET", SECRET);
        Process minting = builder.start();
        String token = new String(minting.getInputStream().readAllBytes()).strip();
        if (minting.waitFor() != 0) {
            throw new IllegalStateException("token failed: " + new String(minting.getErrorStream().readAllBytes()));
        }
        return token;
    }

    private void awaitHealthy(Path runnable, Path log) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(runnable + " exited with " + process.exitValue() + ": see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(runnable + " did not become healthy in time: see " + log);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
