package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The standalone service on fresh embedded stores in a temporary data directory, shared by the end-to-end
 * tests of one JVM (starting PostgreSQL once keeps the suite fast); tests isolate themselves by firm.
 */
final class RunningService {
    static final String SECRET = Tenants.SECRET;
    private static RunningService shared;

    final Path dataDirectory;
    final StandaloneService service;
    final Tenants tenants;

    private RunningService(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.service = StandaloneService.start(arguments(dataDirectory));
        this.tenants = new Tenants(service.port());
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
        return tenants.adminToken();
    }

    String tokenFor(String... accounts) {
        return tenants.tokenFor(accounts);
    }

    Tenants.Firm newFirm(String name) {
        return tenants.newFirm(name);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(service.context().getBean(DataSource.class));
    }

    EventStore eventStore() {
        return service.context().getBean(EventStore.class);
    }

    Configuration axon() {
        return service.context().getBean(Configuration.class);
    }

    long eventCount() {
        return jdbc().queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
