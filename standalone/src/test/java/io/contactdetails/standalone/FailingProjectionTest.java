package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.query.infrastructure.ReadStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A read-model handler that fails (a store outage, a bug) stops its batch and retries it; nothing is skipped. */
@ExtendWith(OutputCaptureExtension.class)
class FailingProjectionTest {
    private static final int FAILURES = 2;

    /** Fails on its first {@value #FAILURES} attempts at one account, as a handler does while its store is down. */
    @Component
    @ProcessingGroup(ReadStore.PROCESSING_GROUP)
    static class FlakyProjection {
        static final AtomicInteger attempts = new AtomicInteger();

        @EventHandler
        void on(AccountCreated event) {
            if (event.firstName().equals("Flaky") && attempts.incrementAndGet() <= FAILURES) {
                throw new IllegalStateException("read store unavailable (simulated)");
            }
        }
    }

    @Test
    void aFailingHandlerRetriesItsBatchWithBackOffInsteadOfSkippingTheEvent(CapturedOutput output) {
        try (StandaloneService service = StandaloneService.start(List.of(FlakyProjection.class),
                RunningService.arguments(RunningService.newDataDirectory()))) {
            Tenants tenants = new Tenants(service.port());
            Tenants.Firm firm = tenants.newFirm("Flaky");
            Api adviser = firm.api();
            String flaky = firm.newClient("Flaky", "Client");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(FlakyProjection.attempts).as("attempts at the failing event").hasValue(FAILURES + 1);
                assertThat(adviser.get("/api/v2/accounts/" + flaky).status()).isEqualTo(200);
            });
            Api.Response metric = tenants.anonymous().as(tenants.adminToken(), null).get("/actuator/metrics/" + ReadStore.HANDLER_FAILURES);
            assertThat(metric.body().path("measurements").get(0).path("value").asDouble()).isEqualTo(FAILURES);
            assertThat(output).contains("read store unavailable (simulated)", "preparing for retry in 1s", "preparing for retry in 2s");
        }
    }
}
