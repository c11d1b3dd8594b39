package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.command.CommandSideApplication;
import io.contactdetails.fixtures.Api;
import io.contactdetails.http.security.TokenMinter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production shape with more than one writer: two command sides, each in a JVM of its own, on one
 * PostgreSQL. Concurrent primary changes on one account through both leave exactly one primary on the
 * account's stream and in the read model, and every answer is a 201 or a 409, never a 500. Each side keeps
 * the accounts it wrote to in memory; what the other side wrote since then is no reason for a conflict.
 */
class TwoCommandSidesTest {
    private static final int REQUESTS_PER_WRITER = 12;
    private static final TokenMinter TOKENS = new TokenMinter(RunningService.SECRET);

    private static EmbeddedPostgres postgres;
    private static final List<SideJvm> writers = new ArrayList<>();

    @BeforeAll
    static void twoCommandSidesOnOnePostgres() throws IOException {
        Path directory = RunningService.newDataDirectory();
        postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("postgres")).start();
        String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        // One after the other: the first migrates the schema, the second finds it done.
        for (String name : List.of("a", "b")) {
            SideJvm writer = SideJvm.start(CommandSideApplication.class, jdbcUrl,
                    directory.resolve("command-side-" + name + ".log"),
                    // the test class path also holds the read side's MongoDB driver, which this process never uses
                    "--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
                    "--logging.level.root=WARN", "--contact-details.rate-limit.per-minute=0");
            writers.add(writer);
            writer.awaitHealthy();
        }
    }

    @AfterAll
    static void stopAll() throws Exception {
        try {
            for (SideJvm writer : writers) {
                writer.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void concurrentPrimaryChangesThroughBothLeaveOnePrimary() throws Exception {
        SideJvm a = writers.get(0);
        SideJvm b = writers.get(1);
        Adviser adviser = newFirm(a, "Two writers");
        String employee = adviser.employee();
        String token = adviser.token();
        Api.Response client = b.api().as(token, employee).post("/api/v2/accounts", Map.of("first_name", "Shared", "last_name", "Client"));
        assertThat(client.status()).as(client.raw()).isEqualTo(201);
        String clientId = client.text("uuid");

        List<Api.Response> answers = race(List.of(a.api().as(token, employee), b.api().as(token, employee)), clientId);
        List<String> created = new ArrayList<>();
        for (Api.Response answer : answers) {
            assertThat(answer.status()).as(answer.raw()).isIn(201, 409);
            if (answer.status() == 201) {
                created.add(answer.text("uuid"));
            }
        }
        assertThat(created).isNotEmpty();

        String primary = onlyPrimaryEmailOnTheStream(clientId);
        assertThat(created).contains(primary);
        readModelAgrees(employee, token, clientId, primary, created);
    }

    @Test
    void aWriteThroughOneSideAfterTheOtherWroteToTheSameAccountIsNoConflict() throws Exception {
        SideJvm a = writers.get(0);
        SideJvm b = writers.get(1);
        Adviser adviser = newFirm(a, "Kept accounts");
        Api throughA = a.api().as(adviser.token(), adviser.employee());
        Api throughB = b.api().as(adviser.token(), adviser.employee());
        Api.Response client = throughA.post("/api/v2/accounts", Map.of("first_name", "Kept", "last_name", "Client"));
        assertThat(client.status()).as(client.raw()).isEqualTo(201);
        String clientId = client.text("uuid");

        List<String> created = new ArrayList<>();
        // A writes to the account, so it keeps it; each write through B then leaves A's copy behind the stream
        created.add(createdPrimary(throughA, clientId, "kept@example.com", null));
        created.add(createdPrimary(throughB, clientId, "first-through-b@example.com", null));
        created.add(createdPrimary(throughA, clientId, "unkeyed@example.com", null));
        created.add(createdPrimary(throughB, clientId, "second-through-b@example.com", null));
        created.add(createdPrimary(throughA, clientId, "keyed@example.com", "kept-account-" + clientId));

        assertThat(onlyPrimaryEmailOnTheStream(clientId)).isEqualTo(created.get(created.size() - 1));
        assertThat(attachedInOrder(clientId)).isEqualTo(created);
    }

    /** A new firm's first employee and a token acting as it. */
    private record Adviser(String employee, String token) {
    }

    /** Opens a firm through {@code side}, as the platform operator does. */
    private static Adviser newFirm(SideJvm side, String name) {
        Api.Response firm = side.api().as(TOKENS.mint("operator", List.of(), true, Duration.ofMinutes(10)), null)
                .post("/api/v2/firms", Map.of("name", name, "first_name", "Ada", "last_name", "Lovelace"));
        assertThat(firm.status()).as(firm.raw()).isEqualTo(201);
        String employee = firm.body().path("account").path("uuid").asText();
        return new Adviser(employee, TOKENS.mint("adviser@example.com", List.of(employee), false, Duration.ofMinutes(10)));
    }

    /** A new primary email of {@code client} through {@code api}, answered 201; its uuid. */
    private static String createdPrimary(Api api, String client, String address, String idempotencyKey) {
        Map<String, Object> body = Map.of("type", "email", "name", "Email", "value", address, "is_primary", true,
                "account_uuids", List.of(client));
        HttpRequest.Builder request = api.builder("/api/v2/contact-details")
                .header("Content-Type", "application/json").POST(Api.json(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        Api.Response answer = api.send(request);
        assertThat(answer.status()).as(address + ": " + answer.raw()).isEqualTo(201);
        assertThat(Api.uuids(answer.body().path("primary_accounts"))).as(answer.raw()).containsExactly(client);
        return answer.text("uuid");
    }

    /** The details attached on the account's stream, in stream order, which has no gap. */
    private static List<String> attachedInOrder(String account) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        List<Map<String, Object>> events = jdbc.queryForList("""
                SELECT sequencenumber, payloadtype, convert_from(payload, 'UTF8') AS payload FROM domainevententry
                 WHERE aggregateidentifier = ? ORDER BY sequencenumber""", account);
        List<String> attached = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            assertThat(((Number) events.get(i).get("sequencenumber")).longValue()).isEqualTo(i);
            if (((String) events.get(i).get("payloadtype")).endsWith(".ContactDetailAttached")) {
                attached.add(Api.JSON.readTree((String) events.get(i).get("payload")).path("contactDetailId").asText());
            }
        }
        return attached;
    }

    private static List<Api.Response> race(List<Api> throughBoth, String client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS_PER_WRITER * throughBoth.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS_PER_WRITER * throughBoth.size(); i++) {
                Api api = throughBoth.get(i % throughBoth.size());
                Map<String, Object> body = Map.of("type", "email", "name", "Email " + i, "value", "two" + i + "@example.com",
                        "is_primary", true, "account_uuids", List.of(client));
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v2/contact-details", body);
                }));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The account's stream as both writers left it, read from the table: per type, the details assigned and
     * never revoked afterwards. There must be exactly one for email.
     */
    private static String onlyPrimaryEmailOnTheStream(String account) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        List<Map<String, Object>> events = jdbc.queryForList("""
                SELECT payloadtype, convert_from(payload, 'UTF8') AS payload FROM domainevententry
                 WHERE aggregateidentifier = ? ORDER BY sequencenumber""", account);
        Map<String, Set<String>> primaries = new HashMap<>();
        for (Map<String, Object> event : events) {
            String type = (String) event.get("payloadtype");
            JsonNode payload = Api.JSON.readTree((String) event.get("payload"));
            Set<String> ofType = primaries.computeIfAbsent(payload.path("type").asText(), t -> new LinkedHashSet<>());
            if (type.endsWith(".PrimaryAssigned")) {
                ofType.add(payload.path("contactDetailId").asText());
            } else if (type.endsWith(".PrimaryRevoked")) {
                ofType.remove(payload.path("contactDetailId").asText());
            }
        }
        assertThat(primaries.get("email")).as("primaries on the stream of " + account).hasSize(1);
        return primaries.get("email").iterator().next();
    }

    /** A read side on the same PostgreSQL projects both writers' events: it shows the stream's one primary. */
    private static void readModelAgrees(String employee, String token, String client, String primary, List<String> created) {
        Path data = RunningService.newDataDirectory();
        try (StandaloneService reader = StandaloneService.start(
                "--server.port=0", "--server.address=127.0.0.1",
                "--contact-details.data-dir=" + data,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--contact-details.jwt.secret=" + RunningService.SECRET,
                "--contact-details.rate-limit.per-minute=0",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            Api api = Api.anonymous(reader.port()).as(token, employee);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    api.get("/api/v2/accounts/" + client).body().path("primary_email").path("uuid").asText())
                    .isEqualTo(primary));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(created.stream()
                    .filter(uuid -> api.get("/api/v2/contact-details/" + uuid).body().path("primary_accounts")
                            .toString().contains(client))
                    .toList()).containsExactly(primary));
        }
    }
}
