package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
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

/** Integrators' retries and concurrent edits: Idempotency-Key on writes, ETag and If-Match / If-None-Match. */
class SafeRetriesTest {
    private static final int PARALLEL = 20;
    private final RunningService service = RunningService.shared();

    private static Api.Response postWithKey(Api api, String key, Object body) {
        return api.send(api.builder("/api/v2/contact-details").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(Api.json(body)));
    }

    private static Api.Response put(Api api, String uuid, String ifMatch, Object body) {
        HttpRequest.Builder request = api.builder("/api/v2/contact-details/" + uuid)
                .header("Content-Type", "application/json").PUT(Api.json(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.send(request);
    }

    private long detailsOf(Tenants.Firm firm, String client) {
        return service.jdbc().queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?"
                + " AND payloadtype LIKE '%ContactDetailAttached'", Long.class, client);
    }

    @Test
    void theSamePostSentTwiceWithOneKeyCreatesOneDetailAndAnswersTheSame() {
        Tenants.Firm firm = service.newFirm("Retry");
        String client = firm.newClient("Re", "Try");
        Map<String, Object> body = Bodies.email("once@example.com", List.of(client), true);

        Api.Response first = postWithKey(firm.api(), "order-42", body);
        Api.Response again = postWithKey(firm.api(), "order-42", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.http().headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.http().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(again.http().headers().firstValue("ETag")).isEqualTo(first.http().headers().firstValue("ETag"));
        assertThat(detailsOf(firm, client)).isEqualTo(1);

        Api.Response otherBody = postWithKey(firm.api(), "order-42", Bodies.email("twice@example.com", List.of(client)));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.body().path("errors").has("idempotency_key")).isTrue();
        assertThat(postWithKey(firm.api(), "tab\tinside", body).status()).isEqualTo(400);
        assertThat(postWithKey(firm.api(), "x".repeat(256), body).status()).isEqualTo(400);
        assertThat(detailsOf(firm, client)).isEqualTo(1);
    }

    @Test
    void twentyParallelSendsOfOneKeyCreateExactlyOne() throws Exception {
        Tenants.Firm firm = service.newFirm("Parallel retry");
        String client = firm.newClient("Par", "Allel");
        Map<String, Object> body = Bodies.email("parallel@example.com", List.of(client));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return postWithKey(firm.api(), "same-key", body);
                }));
            }
            start.countDown();
            List<String> created = new ArrayList<>();
            for (Future<Api.Response> future : answers) {
                Api.Response answer = future.get();
                assertThat(answer.status()).as(answer.raw()).isIn(201, 409);
                if (answer.status() == 201) {
                    created.add(answer.text("uuid"));
                }
            }
            assertThat(created).isNotEmpty().containsOnly(created.get(0));
            assertThat(detailsOf(firm, client)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyReusedAfterItExpiredCreatesAnew() {
        Tenants.Firm firm = service.newFirm("Expired key");
        String client = firm.newClient("Ex", "Pired");
        String first = postWithKey(firm.api(), "daily-sync", Bodies.email("day1@example.com", List.of(client))).text("uuid");
        // the default lifetime is 24 h: the key is made a day and a minute old rather than waited for
        service.jdbc().update("UPDATE idempotency_key SET created_at = now() - interval '24 hours 1 minute'"
                + " WHERE idempotency_key = 'daily-sync'");

        Api.Response next = postWithKey(firm.api(), "daily-sync", Bodies.email("day2@example.com", List.of(client)));

        assertThat(next.status()).isEqualTo(201);
        assertThat(next.text("uuid")).isNotEqualTo(first);
        assertThat(next.http().headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(detailsOf(firm, client)).isEqualTo(2);
    }

    @Test
    void aPutWithTheCurrentEtagPassesAndOneWithAStaleEtagIsRefusedWithNothingWritten() {
        Tenants.Firm firm = service.newFirm("Etags");
        String client = firm.newClient("E", "Tag");
        Api.Response created = firm.api().post("/api/v2/contact-details", Bodies.email("etag@example.com", List.of(client)));
        String detail = created.text("uuid");
        String createdTag = created.http().headers().firstValue("ETag").orElseThrow();
        String read = await().atMost(Duration.ofSeconds(10)).until(() -> firm.api().get("/api/v2/contact-details/" + detail)
                .http().headers().firstValue("ETag").orElse(""), createdTag::equals);

        Api.Response renamed = put(firm.api(), detail, read, Map.of("name", "Renamed"));
        assertThat(renamed.status()).isEqualTo(200);
        String newTag = renamed.http().headers().firstValue("ETag").orElseThrow();
        assertThat(newTag).isNotEqualTo(read);

        long events = service.eventCount();
        Api.Response stale = put(firm.api(), detail, read, Map.of("name", "Lost update"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.text("message")).isEqualTo("The resource has been modified.");
        Api.Response staleDelete = firm.api().send(firm.api().builder("/api/v2/contact-details/" + detail)
                .header("If-Match", read).DELETE());
        assertThat(staleDelete.status()).isEqualTo(412);
        assertThat(service.eventCount()).isEqualTo(events);

        await().atMost(Duration.ofSeconds(10)).until(() -> firm.api().get("/api/v2/contact-details/" + detail)
                .http().headers().firstValue("ETag").orElse(""), newTag::equals);
        Api.Response notModified = firm.api().send(firm.api().builder("/api/v2/contact-details/" + detail)
                .header("If-None-Match", newTag).GET());
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.raw()).isEmpty();
        JsonNode account = firm.api().get("/api/v2/accounts/" + client).body();
        String accountTag = firm.api().get("/api/v2/accounts/" + client).http().headers().firstValue("ETag").orElseThrow();
        assertThat(account.path("uuid").asText()).isEqualTo(client);
        assertThat(firm.api().send(firm.api().builder("/api/v2/accounts/" + client).header("If-None-Match", accountTag).GET())
                .status()).isEqualTo(304);
    }

    @Test
    void twoParallelPutsWithTheSameEtagOneWinsOneIsRefused() throws Exception {
        Tenants.Firm firm = service.newFirm("Racing edits");
        String client = firm.newClient("Ra", "Cing");
        Api.Response created = firm.api().post("/api/v2/contact-details", Bodies.email("race@example.com", List.of(client)));
        String detail = created.text("uuid");
        String tag = created.http().headers().firstValue("ETag").orElseThrow();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (String name : List.of("Adviser one", "Adviser two")) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return put(firm.api(), detail, tag, Map.of("name", name));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
    }
}
