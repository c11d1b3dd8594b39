package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many requests racing to change one account's primary email never leave it with two. */
class ConcurrentPrimaryChangesTest {
    private static final int REQUESTS = 50;
    private final RunningService service = RunningService.shared();

    @Test
    void fiftyParallelPrimaryChangesLeaveExactlyOnePrimary() throws Exception {
        Tenants.Firm firm = service.newFirm("Race");
        String client = firm.newClient("Racing", "Client");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            for (int i = 0; i < REQUESTS; i++) {
                Map<String, Object> body = Map.of("type", "email", "name", "Email " + i, "value", "race" + i + "@example.com",
                        "is_primary", true, "account_uuids", List.of(client));
                responses.add(pool.submit(() -> {
                    start.await();
                    return firm.api().post("/api/v2/contact-details", body);
                }));
            }
            start.countDown();
            List<String> created = new ArrayList<>();
            for (Future<Api.Response> future : responses) {
                Api.Response response = future.get();
                assertThat(response.status()).as(response.raw()).isIn(201, 409);
                if (response.status() == 201) {
                    created.add(response.text("uuid"));
                } else {
                    assertThat(response.text("message")).isNotBlank();
                }
            }
            assertThat(created).isNotEmpty();

            String primary = replayPrimaryEmail(client);
            assertThat(created).contains(primary);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    firm.api().get("/api/v2/accounts/" + client).body().path("primary_email").path("uuid").asText())
                    .isEqualTo(primary));
            long primariesInReadModel = created.stream()
                    .filter(uuid -> firm.api().get("/api/v2/contact-details/" + uuid).body().path("primary_accounts")
                            .toString().contains(client))
                    .count();
            assertThat(primariesInReadModel).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Folds the account's whole stream (from 0, not from a snapshot): every assignment must find no primary
     * in place (revoked first) and every revocation must name the primary in place. Returns the one left.
     */
    private String replayPrimaryEmail(String account) {
        String current = null;
        List<? extends DomainEventMessage<?>> events = service.eventStore().readEvents(account, 0).asStream().toList();
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof PrimaryRevoked revoked && revoked.type() == ContactType.EMAIL) {
                assertThat(revoked.contactDetailId().toString()).isEqualTo(current);
                current = null;
            } else if (event.getPayload() instanceof PrimaryAssigned assigned && assigned.type() == ContactType.EMAIL) {
                assertThat(current).as("a primary was assigned while another was in place").isNull();
                current = assigned.contactDetailId().toString();
            }
        }
        assertThat(current).isNotNull();
        return current;
    }
}
