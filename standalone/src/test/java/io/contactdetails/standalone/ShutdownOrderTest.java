package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SIGTERM, as a service manager sends it: the event processors stop first, the stores they use after them. */
class ShutdownOrderTest {

    @Test
    void sigtermStopsTheProcessorsBeforeTheEmbeddedStores() throws Exception {
        Path dataDirectory = RunningService.newDataDirectory();
        try (ServiceJvm service = ServiceJvm.start(dataDirectory, Path.of(dataDirectory + ".log"))) {
            Api adviser = service.tenants().newFirm("Stopping").api();
            // the processors are busy when the signal comes, as in production
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 2_000 && !stop.get(); i++) {
                    try {
                        adviser.post("/api/v2/accounts", Map.of("first_name", "Client", "last_name", "No " + i));
                        written.incrementAndGet();
                    } catch (UncheckedIOException stopped) {
                        return;
                    }
                }
            }, "writer");
            writer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> written.get() >= 30);

            Optional<Integer> exit = service.terminate(Duration.ofSeconds(15));
            stop.set(true);
            writer.join(Duration.ofSeconds(35).toMillis());

            assertThat(exit).as("exited within 15 s of SIGTERM").isPresent();
            String log = service.logText();
            assertThat(log).doesNotContain("Failed to validate connection");
            assertThat(log).contains("shut down postmaster");
            // one segment on the embedded stand-in, whose file is written between two batches of its one thread
            assertThat(log).contains("Worker for segment Segment[0/0] stopped").doesNotContain("Segment[1/1]");
            assertThat(log.indexOf("Worker for segment Segment[0/0] stopped"))
                    .as("the read-model processor stopped before PostgreSQL").isLessThan(log.indexOf("shut down postmaster"));
        }
    }
}
