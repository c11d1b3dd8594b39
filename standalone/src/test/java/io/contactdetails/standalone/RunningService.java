package io.contactdetails.standalone;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The standalone service on fresh embedded stores in a temporary data directory, shared by the end-to-end
 * tests of one JVM (starting PostgreSQL once keeps the suite fast); tests isolate themselves by firm.
 */
final class RunningService {
    static final String SECRET = "end-to-end-tests-secret-of-at-least-32-bytes";
    private static RunningService shared;

    final Path dataDirectory;
    final StandaloneService service;
    final TokenMinter tokens = new TokenMinter(SECRET);

    private RunningService(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.service = StandaloneService.start(arguments(dataDirectory));
    }

    static synchronized RunningService shared() {
        if (shared == null) {
            shared = new RunningService(newDataDirectory());
            Runtime.getRuntime().addShutdownHook(new Thread(shared.service::close));
        }
        return shared;
    }

    static Path newDataDirectory() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] arguments(Path dataDirectory) {
        return new String[]{
                "--server.port=0",
                "--contact-details.data-dir=" + dataDirectory,
                "--contact-details.jwt.secret=" + SECRET,
                // The suite sends thousands of requests as one subject; the limit itself is RateLimitTest's (http-api).
                "--contact-details.rate-limit.per-minute=1000000",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off",
                "--logging.level.io.contactdetails=INFO"};
    }

    Api api() {
        return Api.anonymous(service.port());
    }

    String adminToken() {
        return tokens.mint("operator", List.of(), true, Duration.ofMinutes(10));
    }

    String tokenFor(String... accounts) {
        return tokens.mint("adviser@example.com", List.of(accounts), false, Duration.ofMinutes(10));
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(service.context().getBean(DataSource.class));
    }

    EventStore eventStore() {
        return service.context().getBean(EventStore.class);
    }

    long eventCount() {
        return jdbc().queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    /** A new firm with its first employee, and an api acting as that employee. */
    Firm newFirm(String name) {
        Api.Response created = api().as(adminToken(), null).post("/api/v2/firms",
                Map.of("name", name, "first_name", "Ada", "last_name", "Lovelace"));
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create a firm: " + created.raw());
        }
        String employee = created.body().path("account").path("uuid").asText();
        return new Firm(created.text("uuid"), employee, api().as(tokenFor(employee), employee));
    }

    record Firm(String uuid, String employee, Api api) {
        String newClient(String firstName, String lastName) {
            Api.Response created = api.post("/api/v2/accounts", Map.of("first_name", firstName, "last_name", lastName));
            if (created.status() != 201) {
                throw new IllegalStateException("Could not create a client: " + created.raw());
            }
            return created.text("uuid");
        }
    }
}
