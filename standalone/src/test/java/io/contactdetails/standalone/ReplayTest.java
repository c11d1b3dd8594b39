package io.contactdetails.standalone;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import io.contactdetails.query.operations.ProjectionLag;
import io.contactdetails.query.operations.Replay;
import org.axonframework.eventhandling.ReplayStatus;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding the read models from events spread over time gives what was built live, and nothing else. */
class ReplayTest {
    private static Tenants.Firm newFirm(StandaloneService service) {
        return new Tenants(service.port()).newFirm("Replayed");
    }

    /** Clients with emails, each request waiting for its projection: history spread over well past a second. */
    private static List<String> spreadHistory(Tenants.Firm firm, Duration atLeast) {
        List<String> clients = new ArrayList<>();
        Instant start = Instant.now();
        while (clients.size() < 8 || Duration.between(start, Instant.now()).compareTo(atLeast) < 0) {
            String client = firm.api().post("/api/v2/accounts", Map.of("first_name", "C" + clients.size(),
                    "last_name", "Lient")).text("uuid");
            firm.api().post("/api/v2/contact-details", Map.of("type", "email", "name", "Email",
                    "value", "c" + clients.size() + "@example.com", "account_uuids", List.of(client)));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    !firm.api().get("/api/v2/accounts/" + client).body().path("primary_email").isNull());
            clients.add(client);
        }
        return clients;
    }

    private static List<Document> readModels(MongoDatabase database) {
        List<Document> documents = new ArrayList<>();
        for (String collection : List.of("accounts", "contact_details")) {
            database.getCollection(collection).find().sort(Sorts.ascending("_id")).into(documents);
        }
        return documents;
    }

    /** A service with no events yet: nothing to rebuild, and no error in its log (both failed before). */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aReplayOfAnEmptyStoreIsDoneWithNothingToReplay(CapturedOutput output) {
        Path dataDirectory = RunningService.newDataDirectory();
        try (StandaloneService service = StandaloneService.start(RunningService.arguments(dataDirectory))) {
            Tenants tenants = new Tenants(service.port());
            Api operator = tenants.anonymous().as(tenants.adminToken(), null);
            assertThat(operator.post("/api/v2/operations/replay", "{}").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !operator.get("/api/v2/operations/replay").text("state").equals("running"));
            Api.Response done = operator.get("/api/v2/operations/replay");
            assertThat(done.text("state")).as(done.body().toString()).isEqualTo("done");
            assertThat(done.body().path("events_total").asLong()).isZero();
            assertThat(output.getAll()).doesNotContain(" ERROR ");
        }
    }

    @Test
    void aReplayRebuildsEveryReadModelAsItWasBuiltLive() {
        List<Class<?>> probes = List.of(ReplayProbes.StatusProbe.class, ReplayProbes.SideEffectProbe.class);
        try (StandaloneService service = StandaloneService.start(probes,
                RunningService.arguments(RunningService.newDataDirectory()))) {
            Tenants.Firm firm = newFirm(service);
            spreadHistory(firm, Duration.ofMillis(1500));
            JdbcTemplate jdbc = service.context().getBean(JdbcTemplate.class);
            Map<String, Object> span = jdbc.queryForMap("SELECT min(timestamp) AS first, max(timestamp) AS last, "
                    + "count(*) AS events FROM domainevententry");
            assertThat(Duration.between(Instant.parse((String) span.get("first")), Instant.parse((String) span.get("last"))))
                    .isGreaterThan(Duration.ofSeconds(1));
            long events = (Long) span.get("events");

            Replay replay = service.context().getBean(Replay.class);
            await().atMost(Duration.ofSeconds(10)).until(replay::caughtUpWithHead);
            MongoDatabase database = service.context().getBean(MongoDatabase.class);
            List<Document> builtLive = readModels(database);
            var statuses = service.context().getBean(ReplayProbes.StatusProbe.class).statuses;
            var sideEffects = service.context().getBean(ReplayProbes.SideEffectProbe.class).handled;
            ProjectionLag lag = service.context().getBean(ProjectionLag.class);
            long sideEffectsBefore = sideEffects.get();
            long lagBefore = lag.count();
            assertThat(sideEffectsBefore).isEqualTo(events);
            statuses.clear();

            Tenants tenants = new Tenants(service.port());
            Api operator = tenants.anonymous().as(tenants.adminToken(), null);
            assertThat(firm.api().post("/api/v2/operations/replay", "{}").status()).isEqualTo(403);
            Api.Response started = operator.post("/api/v2/operations/replay", "{}");
            assertThat(started.status()).isEqualTo(202);
            // the processor still holds its old position until its tokens are reset: that is not the replay's
            assertThat(started.body().path("events_done").asLong()).isZero();
            List<Long> progress = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Api.Response now = operator.get("/api/v2/operations/replay");
                progress.add(now.body().path("events_done").asLong());
                return now.text("state").equals("done");
            });
            assertThat(progress).isSorted();
            Api.Response done = operator.get("/api/v2/operations/replay");
            assertThat(done.body().path("events_done").asLong()).isEqualTo(done.body().path("events_total").asLong());

            assertThat(readModels(database)).isEqualTo(builtLive);
            assertThat(statuses).hasSize((int) events).containsOnly(ReplayStatus.REPLAY);
            assertThat(sideEffects.get()).isEqualTo(sideEffectsBefore);
            assertThat(lag.count()).isEqualTo(lagBefore);

            String after = firm.api().post("/api/v2/accounts", Map.of("first_name", "After", "last_name", "Replay"))
                    .text("uuid");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(firm.api().get("/api/v2/accounts/" + after).status()).isEqualTo(200));
            assertThat(sideEffects.get()).isEqualTo(sideEffectsBefore + 1);
            assertThat(statuses.get(statuses.size() - 1)).isEqualTo(ReplayStatus.REGULAR);
        }
    }

    @Test
    void verifyAgreesAfterChangesMovesAndDeletes() {
        Path dataDirectory = RunningService.newDataDirectory();
        try (StandaloneService service = StandaloneService.start(RunningService.arguments(dataDirectory))) {
            Tenants.Firm firm = newFirm(service);
            String ada = firm.newClient("Ada", "A");
            String bob = firm.newClient("Bob", "B");
            String kept = firm.api().post("/api/v2/contact-details", Bodies.email("kept@example.com", List.of(ada, bob)))
                    .text("uuid");
            String gone = firm.api().post("/api/v2/contact-details", Bodies.email("gone@example.com", List.of(ada), true))
                    .text("uuid");
            Api api = firm.api();
            assertThat(api.put("/api/v2/contact-details/" + kept, Map.of("value", "moved@example.com",
                    "account_uuids", List.of(bob), "primary_account_uuids", List.of())).status()).isEqualTo(200);
            assertThat(api.delete("/api/v2/contact-details/" + gone).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v2/contact-details/" + gone).status() == 404);
        }
        Result verified = runReplay("--verify", "--data-dir", dataDirectory.toString());
        assertThat(verified.exitCode).as(verified.out).isZero();
    }

    @Test
    void verifyReportsAReadModelThatDriftedFromItsEvents() {
        Path dataDirectory = RunningService.newDataDirectory();
        String client;
        try (StandaloneService service = StandaloneService.start(RunningService.arguments(dataDirectory))) {
            client = spreadHistory(newFirm(service), Duration.ZERO).get(0);
        }
        assertThat(runReplay("--verify", "--data-dir", dataDirectory.toString()).exitCode).isZero();

        try (StandaloneService service = StandaloneService.start(RunningService.arguments(dataDirectory))) {
            service.context().getBean(MongoDatabase.class).getCollection("accounts")
                    .updateOne(Filters.eq("_id", client), Updates.set("first_name", "Tampered"));
        }
        Result planted = runReplay("--verify", "--data-dir", dataDirectory.toString());
        assertThat(planted.exitCode).isEqualTo(1);
        assertThat(planted.out).contains("accounts/" + client + ": first_name is Tampered but the events say C0")
                .contains("1 difference(s)");

        Result rebuilt = runReplay("--data-dir", dataDirectory.toString());
        assertThat(rebuilt.exitCode).as(rebuilt.out).isZero();
        assertThat(rebuilt.out).contains("Rebuilt the read models from");
        assertThat(runReplay("--verify", "--data-dir", dataDirectory.toString()).exitCode).isZero();
    }

    /**
     * An event the projection cannot read (here a payload that is not JSON) fails its batch for as long as it is
     * there: the replay command says so and exits instead of waiting for a processor that never gets past it.
     */
    @Test
    @Timeout(90)
    void replayAndVerifyOfAStoreTheProjectionCannotGetThroughFailInsteadOfWaiting() {
        Path dataDirectory = RunningService.newDataDirectory();
        try (StandaloneService service = StandaloneService.start(RunningService.arguments(dataDirectory))) {
            newFirm(service).newClient("Before", "Poison");
            service.context().getBean(JdbcTemplate.class).update("""
                    INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                  payload, payloadrevision, payloadtype, timestamp)
                    SELECT gen_random_uuid()::text, 0, type, gen_random_uuid()::text, metadata,
                           convert_to('{not json', 'UTF8'), payloadrevision, payloadtype, timestamp
                    FROM domainevententry WHERE payloadtype LIKE '%AccountCreated' LIMIT 1""");
        }

        Result verified = runReplay("--verify", "--data-dir", dataDirectory.toString());
        assertThat(verified.exitCode).as(verified.out).isEqualTo(1);
        assertThat(verified.out).contains("replay failed: The read-model processor failed");
        Result rebuilt = runReplay("--data-dir", dataDirectory.toString());
        assertThat(rebuilt.exitCode).as(rebuilt.out).isEqualTo(1);
        assertThat(rebuilt.out).contains("replay failed: The read-model processor failed");
    }

    private record Result(int exitCode, String out) {
    }

    private static Result runReplay(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] withSecret = java.util.Arrays.copyOf(args, args.length + 1);
        withSecret[args.length] = "--contact-details.jwt.secret=" + RunningService.SECRET;
        int exitCode = ReplayCommand.run(withSecret, print, print, false);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8));
    }
}
