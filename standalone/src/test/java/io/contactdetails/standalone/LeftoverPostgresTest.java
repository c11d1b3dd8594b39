package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a restart may find in the embedded PostgreSQL's directory besides a leftover server (that one is in
 * {@link CrashRecoveryTest}): pid files that are no longer true, and a service that is still running.
 */
class LeftoverPostgresTest {

    @Test
    void aPidFileNamingAProcessThatIsNotPostgresOrIsDeadDoesNotBlockTheStart() throws Exception {
        Path dataDirectory = RunningService.newDataDirectory();
        StandaloneService.start(RunningService.arguments(dataDirectory)).close();
        Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");

        // after a reboot the pid of the old server may belong to any program
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        try {
            Files.writeString(pidFile, unrelated.pid() + "\n" + pidFile.getParent() + "\n");
            StandaloneService.start(RunningService.arguments(dataDirectory)).close();
            assertThat(unrelated.isAlive()).as("the unrelated process is left alone").isTrue();
        } finally {
            unrelated.destroyForcibly();
        }

        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(pidFile, dead.pid() + "\n" + pidFile.getParent() + "\n");
        StandaloneService.start(RunningService.arguments(dataDirectory)).close();
    }

    @Test
    void aServiceStillRunningOnTheDataDirectoryIsNeverStopped() {
        Path dataDirectory = RunningService.newDataDirectory();
        try (StandaloneService running = StandaloneService.start(RunningService.arguments(dataDirectory))) {
            assertThatThrownBy(() -> StandaloneService.start(RunningService.arguments(dataDirectory)).close())
                    .hasStackTraceContaining("running on " + dataDirectory);
            Api.Response health = Api.anonymous(running.port()).get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            Long events = running.context().getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("SELECT count(*) FROM domainevententry", Long.class);
            assertThat(events).isNotNull();
        }
        assertThat(dataDirectory.resolve("postgres").resolve("postmaster.pid")).as("its server stopped with it").doesNotExist();
    }
}
