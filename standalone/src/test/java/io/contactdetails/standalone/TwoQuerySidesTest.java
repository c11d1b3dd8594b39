package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.contactdetails.command.CommandSideApplication;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import io.contactdetails.query.QuerySideApplication;
import io.contactdetails.query.infrastructure.ReadStore;
import io.contactdetails.standin.StandInBackend;
import io.contactdetails.standin.StandInFileStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out of the read side: two query sides, each in a JVM of its own, on one PostgreSQL event store and one
 * read store (the MongoDB stand-in over a port), with the command side in a third. They share the read-model
 * processor's segments, project every event exactly once between them, and when one is killed the other takes its
 * segments over as soon as their claims lapse, and projects what is written next.
 */
class TwoQuerySidesTest {
    private static final int SEGMENTS = 2;
    // short, so that the takeover is quick to wait for; the service's defaults are 10 s and 1 s
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(4);
    private static final Duration CLAIM_INTERVAL = Duration.ofMillis(500);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern PROJECTED = Pattern.compile(
            "(?m)^contact_details_projection_lag_seconds_count(?:\\{[^}]*})? (\\S+)$");

    private static EmbeddedPostgres postgres;
    private static MongoServer mongo;
    private static MongoClient readStore;
    private static SideJvm commandSide;
    private static SideJvm first;
    private static SideJvm second;

    @BeforeAll
    static void start() throws Exception {
        Path directory = RunningService.newDataDirectory();
        postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("postgres")).start();
        mongo = new MongoServer(new StandInBackend(StandInFileStore.builder(directory.resolve("mongo.mv").toString()).open()));
        mongo.bind("127.0.0.1", 0);
        String mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        readStore = MongoClients.create(mongoUri);
        String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");

        // the command side migrates the schema the query sides read, so it starts first
        commandSide = SideJvm.start(CommandSideApplication.class, jdbcUrl, directory.resolve("command-side.log"),
                // the test class path holds the read side's MongoDB driver too, which this side never uses
                "--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
                // one login writes every request here; the limit has tests of its own
                "--contact-details.rate-limit.per-minute=0")
                .awaitHealthy();
        first = querySide(jdbcUrl, mongoUri, directory.resolve("query-side-1.log"));
        second = querySide(jdbcUrl, mongoUri, directory.resolve("query-side-2.log"));
        first.awaitHealthy();
        second.awaitHealthy();
    }

    private static SideJvm querySide(String jdbcUrl, String mongoUri, Path log) throws Exception {
        return SideJvm.start(QuerySideApplication.class, jdbcUrl, log,
                "--spring.data.mongodb.uri=" + mongoUri, "--contact-details.mongodb.database=contact_details",
                "--contact-details.projection.segments=" + SEGMENTS,
                "--contact-details.projection.claim-timeout=" + CLAIM_TIMEOUT,
                "--contact-details.projection.claim-interval=" + CLAIM_INTERVAL);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            for (SideJvm side : new SideJvm[]{second, first, commandSide}) {
                if (side != null) {
                    side.close();
                }
            }
        } finally {
            if (readStore != null) {
                readStore.close();
            }
            if (mongo != null) {
                mongo.shutdown();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void theQuerySidesShareTheSegmentsProjectEachEventOnceAndTheSurvivorTakesOverTheKilledOnesSegments()
            throws Exception {
        // (a) each query side holds one of the two segments
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> segmentOwners().values().stream().sorted().toList(),
                        owners -> owners.equals(List.of(replica(first), replica(second)).stream().sorted().toList()));

        // (b) between them they project every event once, and each read model answers as the command side did
        Tenants tenants = new Tenants(commandSide.port);
        Tenants.Firm firm = tenants.newFirm("Scaled out");
        List<Api.Response> created = createClientsWithDetails(firm, 6, "before");
        long events = storedEvents();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> projected(first, tenants) + projected(second, tenants) >= events);
        for (SideJvm side : List.of(first, second)) {
            readModelAnswersAsTheCommandSide(side, tenants, firm, created);
        }
        long byFirst = projected(first, tenants);
        long bySecond = projected(second, tenants);
        assertThat(byFirst).as("events projected by the first query side").isPositive();
        assertThat(bySecond).as("events projected by the second query side").isPositive();
        assertThat(byFirst + bySecond).as("events projected by both, of " + events + " stored").isEqualTo(events);

        // (c) the survivor takes the killed one's segment over once its claim lapses
        Instant killed = Instant.now();
        second.kill9();
        await().atMost(CLAIM_TIMEOUT.plusSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> segmentOwners().values().stream().distinct().toList(), List.of(replica(first))::equals);
        Duration handover = Duration.between(killed, Instant.now());
        System.out.printf("Segments handed over %d ms after the kill (claim timeout %d ms, claim interval %d ms)%n",
                handover.toMillis(), CLAIM_TIMEOUT.toMillis(), CLAIM_INTERVAL.toMillis());
        // The killed side's claim lapses at most a claim timeout after the kill (it renewed it within the last
        // second), and the survivor's free thread looks once a claim interval; a second more covers the round trips
        // of a claim and of this test's look on a machine shared with builds.
        assertThat(handover).isLessThanOrEqualTo(CLAIM_TIMEOUT.plus(CLAIM_INTERVAL).plusSeconds(1));

        // ...and projects what is written next (a dozen new aggregates, spread over the segments), once
        List<Api.Response> after = createClientsWithDetails(firm, 4, "after");
        long more = storedEvents() - events;
        readModelAnswersAsTheCommandSide(first, tenants, firm, after);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> projected(first, tenants) >= byFirst + more);
        assertThat(projected(first, tenants)).as("events projected by the survivor").isEqualTo(byFirst + more);
    }

    /** Per client a primary and a second email: responses of the command side, the client's first. */
    private static List<Api.Response> createClientsWithDetails(Tenants.Firm firm, int clients, String tag) {
        List<Api.Response> created = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Api.Response client = firm.api().post("/api/v2/accounts", Bodies.client("Client", tag + " " + i));
            assertThat(client.status()).as(client.raw()).isEqualTo(201);
            created.add(client);
            String account = client.text("uuid");
            for (boolean primary : List.of(true, false)) {
                Api.Response detail = firm.api().post("/api/v2/contact-details",
                        Bodies.email(tag + i + (primary ? "-primary" : "-other") + "@example.com", List.of(account), primary));
                assertThat(detail.status()).as(detail.raw()).isEqualTo(201);
                created.add(detail);
            }
        }
        return created;
    }

    /**
     * Every contact detail reads as its 201 said (its owners by uuid), and every client's primary email is the one made primary: the
     * read models of all the query sides' segments are complete.
     */
    private static void readModelAnswersAsTheCommandSide(SideJvm side, Tenants tenants, Tenants.Firm firm,
                                                         List<Api.Response> created) {
        Api reader = side.api().as(tenants.tokenFor(firm.employee()), firm.employee());
        String account = null;
        String primary = null;
        for (Api.Response response : created) {
            String uuid = response.text("uuid");
            if (response.body().has("first_name")) {
                account = uuid;
                primary = null;
                continue;
            }
            if (primary == null) {
                primary = uuid;
            }
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> detail(reader.get("/api/v2/contact-details/" + uuid).body()), detail(response.body())::equals);
            String client = account;
            String expected = primary;
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() ->
                    reader.get("/api/v2/accounts/" + client).body().path("primary_email").path("uuid").asText(),
                    expected::equals);
        }
    }

    /**
     * A contact detail resource with its owners by uuid: the owners' embedded resources change with their later
     * details (their {@code updated_at}), which the 201 of an earlier one cannot show.
     */
    private static JsonNode detail(JsonNode resource) {
        ObjectNode detail = resource.deepCopy();
        for (String owners : List.of("accounts", "primary_accounts")) {
            detail.set(owners, Api.JSON.valueToTree(Api.uuids(resource.path(owners))));
        }
        return detail;
    }

    /** Segment to its owner, from the token store both query sides claim in. */
    private static Map<Integer, String> segmentOwners() {
        Map<Integer, String> owners = new TreeMap<>();
        readStore.getDatabase("contact_details").getCollection("trackingtokens")
                .find(new Document("processorName", ReadStore.PROCESSING_GROUP))
                .forEach(token -> owners.put(token.getInteger("segment"), String.valueOf(token.get("owner"))));
        return owners;
    }

    /** How a query side's token claims name it: its JVM's name, its process id at this host. */
    private static String replica(SideJvm side) {
        String testJvm = ManagementFactory.getRuntimeMXBean().getName();
        return side.pid() + testJvm.substring(testJvm.indexOf('@'));
    }

    private static long storedEvents() {
        Long count = new JdbcTemplate(postgres.getPostgresDatabase())
                .queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    /** Live events a query side has projected since it started, from its Prometheus scrape. */
    private static long projected(SideJvm side, Tenants tenants) throws Exception {
        HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + side.port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + tenants.adminToken()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
        Matcher count = PROJECTED.matcher(scrape.body());
        return count.find() ? (long) Double.parseDouble(count.group(1)) : 0;
    }
}
