package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailDetached;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * Creates with is_primary, PUTs that make an existing detail the primary, and DELETEs of primaries and
     * others, all at once on one account: each answer is 2xx or 409, and the stream and the read model agree on
     * exactly one primary email, which the account owns.
     */
    @Test
    void fiftyParallelCreatesPrimaryChangesAndDeletesKeepExactlyOnePrimary() throws Exception {
        Tenants.Firm firm = service.newFirm("Race of every kind");
        String client = firm.newClient("Racing", "Again");
        List<String> toDelete = new ArrayList<>();
        List<String> toChoose = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            String uuid = firm.api().post("/api/v2/contact-details", Bodies.email("before" + i + "@example.com",
                    List.of(client), i % 5 == 0)).text("uuid");
            (i < 16 ? toDelete : toChoose).add(uuid);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                responses.add(pool.submit(() -> {
                    start.await();
                    Api api = firm.api();
                    return switch (n % 3) {
                        case 0 -> api.post("/api/v2/contact-details",
                                Bodies.email("during" + n + "@example.com", List.of(client), true));
                        case 1 -> api.put("/api/v2/contact-details/" + toChoose.get(n % toChoose.size()),
                                Map.of("primary_account_uuids", List.of(client)));
                        default -> api.delete("/api/v2/contact-details/" + toDelete.get(n / 3));
                    };
                }));
            }
            start.countDown();
            for (Future<Api.Response> future : responses) {
                Api.Response response = future.get();
                assertThat(response.status()).as(response.raw()).isIn(200, 201, 204, 409);
            }

            String primary = replayPrimaryEmail(client);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    firm.api().get("/api/v2/accounts/" + client).body().path("primary_email").path("uuid").asText())
                    .isEqualTo(primary));
            JsonNode owned = firm.api().get("/api/v2/contact-details?filter[account_uuids]=" + client
                    + "&include=primary_accounts&per_page=500").body().path("data");
            List<String> primaries = new ArrayList<>();
            owned.forEach(detail -> {
                if (!detail.path("primary_accounts").isEmpty()) {
                    primaries.add(detail.path("uuid").asText());
                }
            });
            assertThat(primaries).containsExactly(primary);
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
        Set<String> owned = new HashSet<>();
        List<? extends DomainEventMessage<?>> events = service.eventStore().readEvents(account, 0).asStream().toList();
        for (DomainEventMessage<?> event : events) {
            Object payload = event.getPayload();
            if (payload instanceof ContactDetailAttached attached) {
                owned.add(attached.contactDetailId().toString());
            } else if (payload instanceof ContactDetailDetached detached) {
                assertThat(detached.contactDetailId().toString()).as("the primary left first").isNotEqualTo(current);
                owned.remove(detached.contactDetailId().toString());
            } else if (payload instanceof PrimaryRevoked revoked && revoked.type() == ContactType.EMAIL) {
                assertThat(revoked.contactDetailId().toString()).isEqualTo(current);
                current = null;
            } else if (payload instanceof PrimaryAssigned assigned && assigned.type() == ContactType.EMAIL) {
                assertThat(current).as("a primary was assigned while another was in place").isNull();
                current = assigned.contactDetailId().toString();
                assertThat(owned).as("a primary is one of the account's own").contains(current);
            }
        }
        assertThat(current).as("an account that owns emails has a primary").isNotNull();
        return current;
    }
}
