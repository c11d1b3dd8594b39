package io.contactdetails.crud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The yardstick must do the work it stands for, or the benchmarks compare the service with less than a CRUD service:
 * over real HTTP on PostgreSQL, its create writes the detail, its owners and their primary, its read shows them, and
 * the first detail of a type becomes its owners' primary unasked, and it refuses with a 4xx, writing nothing, what the
 * service refuses of these requests: no token, an actor who is not an employee, owners who are not clients of the
 * actor's firm, a value an owner already owns, invalid values, malformed bodies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Spring Boot's own Tomcat directory, in /tmp, outlives the test (the service's TomcatDirectory is not here)
        properties = {"CONTACT_DETAILS_JWT_SECRET=" + CrudReferenceTest.SECRET, "logging.level.root=WARN",
                "server.tomcat.basedir=target/tomcat"})
class CrudReferenceTest {
    static final String SECRET = "crud-reference-test-secret-of-32-bytes-or-more";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPrimaryEmailForTwoClientsIsWrittenOnceAndShownOnBoth() throws Exception {
        Firm firm = firm();
        UUID employee = firm.employee(), ann = firm.client(), bob = firm.otherClient();

        HttpResponse<String> created = post(employee, Map.of("type", "email", "name", "Home", "value", " ann@Example.COM ",
                "is_primary", true, "account_uuids", List.of(ann.toString(), bob.toString())));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode detail = JSON.readTree(created.body());
        assertThat(detail.path("value").asText()).isEqualTo("ann@example.com");
        assertThat(detail.path("accounts").findValuesAsText("uuid")).contains(ann.toString(), bob.toString());
        assertThat(detail.path("primary_accounts")).hasSize(2);
        for (UUID owner : List.of(ann, bob)) {
            JsonNode account = JSON.readTree(get(employee, "/api/v2/accounts/" + owner).body());
            assertThat(account.path("primary_email").path("uuid").asText()).isEqualTo(detail.path("uuid").asText());
            assertThat(account.path("email").asText()).isEqualTo("ann@example.com");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ownership WHERE contact_detail_uuid = ?", Long.class,
                UUID.fromString(detail.path("uuid").asText()))).isEqualTo(2);
    }

    @Test
    void theFirstPhoneNumberBecomesThePrimaryUnaskedAndTheNextLeavesItInE164() throws Exception {
        Firm firm = firm();
        UUID employee = firm.employee(), client = firm.client();

        HttpResponse<String> first = post(employee, Map.of("type", "phone_number", "name", "Work",
                "value", "+44 20 3000 0001", "is_primary", false, "account_uuids", List.of(client.toString())));
        HttpResponse<String> second = post(employee, Map.of("type", "phone_number", "name", "Home",
                "value", "020 3000 0002", "is_primary", false, "account_uuids", List.of(client.toString())));

        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode detail = JSON.readTree(first.body());
        assertThat(detail.path("value").asText()).isEqualTo("+442030000001");
        assertThat(detail.path("phone_number_meta").path("country").asText()).isEqualTo("GB");
        assertThat(detail.path("primary_accounts")).hasSize(1);
        assertThat(JSON.readTree(second.body()).path("value").asText()).isEqualTo("+442030000002");
        assertThat(JSON.readTree(second.body()).path("primary_accounts")).isEmpty();
        JsonNode account = JSON.readTree(get(employee, "/api/v2/accounts/" + client).body());
        assertThat(account.path("primary_phone_number").path("uuid").asText()).isEqualTo(detail.path("uuid").asText());
    }

    @Test
    void aValueAnOwnerAlreadyOwnsIsRefusedForAllOwners() throws Exception {
        Firm firm = firm();
        UUID employee = firm.employee(), ann = firm.client(), bob = firm.otherClient();
        post(employee, Map.of("type", "email", "name", "Home", "value", "same@example.com",
                "account_uuids", List.of(ann.toString())));
        long details = jdbc.queryForObject("SELECT count(*) FROM contact_detail", Long.class);

        assertThat(post(employee, Map.of("type", "email", "name", "Again", "value", "same@EXAMPLE.com",
                "account_uuids", List.of(bob.toString(), ann.toString()))).statusCode()).isEqualTo(422);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_detail", Long.class)).isEqualTo(details);
        assertThat(post(employee, Map.of("type", "email", "name", "Bob's", "value", "same@example.com",
                "account_uuids", List.of(bob.toString()))).statusCode()).isEqualTo(201);
    }

    @Test
    void whatTheServiceRefusesIsRefusedAndNothingIsWritten() throws Exception {
        Firm firm = firm();
        UUID employee = firm.employee(), client = firm.client(), elsewhere = firm().client();
        long details = jdbc.queryForObject("SELECT count(*) FROM contact_detail", Long.class);

        assertThat(post(employee, Map.of("type", "email", "name", "Home", "value", "x@example.com", "is_primary", true,
                "account_uuids", List.of(client.toString(), elsewhere.toString()))).statusCode()).isEqualTo(422);
        assertThat(post(employee, Map.of("type", "email", "name", "Home", "value", "not an address",
                "account_uuids", List.of(client.toString()))).statusCode()).isEqualTo(422);
        assertThat(post(employee, Map.of("type", "phone_number", "name", "Home", "value", "12",
                "account_uuids", List.of(client.toString()))).statusCode()).isEqualTo(422);
        assertThat(get(employee, "/api/v2/accounts/" + elsewhere).statusCode()).isEqualTo(404);
        assertThat(HTTP.send(HttpRequest.newBuilder(uri("/api/v2/accounts/" + client)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(HTTP.send(HttpRequest.newBuilder(uri("/api/v2/accounts/" + client))
                .header("Authorization", "Bearer " + token(employee))
                .header(ContactDetails.ACTING_ACCOUNT, client.toString()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_detail", Long.class)).isEqualTo(details);
        assertThat(jdbc.queryForObject("SELECT primary_email FROM account WHERE uuid = ?", UUID.class, client)).isNull();
    }

    @Test
    void aSecondPrimaryEmailTakesTheFirstOnesPlace() throws Exception {
        Firm firm = firm();
        UUID employee = firm.employee(), client = firm.client();
        post(employee, Map.of("type", "email", "name", "Old", "value", "old@example.com", "is_primary", true,
                "account_uuids", List.of(client.toString())));

        JsonNode second = JSON.readTree(post(employee, Map.of("type", "email", "name", "New", "value", "new@example.com",
                "is_primary", true, "account_uuids", List.of(client.toString()))).body());

        assertThat(second.path("accounts").get(0).path("primary_email").path("uuid").asText())
                .isEqualTo(second.path("uuid").asText());
        assertThat(JSON.readTree(get(employee, "/api/v2/accounts/" + client).body()).path("email").asText())
                .isEqualTo("new@example.com");
    }

    @Test
    void onlyAnEmployeeActsAndOnlyClientsOwn() throws Exception {
        Firm firm = firm();
        UUID employee = firm.employee(), client = firm.client();
        UUID unknown = UUID.randomUUID();
        Map<String, Object> forClient = Map.of("type", "email", "name", "Home", "value", "c@example.com",
                "account_uuids", List.of(client.toString()));

        assertThat(post(employee, Map.of("type", "email", "name", "Home", "value", "e@example.com",
                "account_uuids", List.of(employee.toString()))).statusCode()).isEqualTo(422);
        assertThat(post(client, forClient).statusCode()).isEqualTo(403);
        assertThat(post(unknown, forClient).statusCode()).isEqualTo(403);
        assertThat(get(client, "/api/v2/accounts/" + client).statusCode()).isEqualTo(403);
        assertThat(get(unknown, "/api/v2/accounts/" + client).statusCode()).isEqualTo(403);
        assertThat(get(employee, "/api/v2/accounts/not-a-uuid").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "{}", "{\"type\":null,\"name\":\"a\",\"value\":\"a@example.com\",\"account_uuids\":[\"%s\"]}",
            "{\"type\":\"fax\",\"name\":\"a\",\"value\":\"a@example.com\",\"account_uuids\":[\"%s\"]}",
            "{\"type\":\"email\",\"value\":\"a@example.com\",\"account_uuids\":[\"%s\"]}",
            "{\"type\":\"email\",\"name\":\"a\",\"account_uuids\":[\"%s\"]}",
            "{\"type\":\"email\",\"name\":\"a\",\"value\":\"a@example.com\",\"account_uuids\":[null]}",
            "{\"type\":\"email\",\"name\":\"a\",\"value\":\"a@example.com\",\"account_uuids\":[]}",
            "{\"type\":\"email\",\"name\":\"a\",\"value\":\"a@example.com\",\"account_uuids\":\"%s\"}",
            "{\"type\":\"email\",\"name\":\"a\",\"value\":\"a@example.com\",\"account_uuids\":[\"%s\",\"%<s\"]}",
            "{\"type\":\"email\",\"name\":\"a\",\"value\":\"a@example.com\",\"is_primary\":\"maybe\",\"account_uuids\":[\"%s\"]}"})
    void badInputIsRefusedWithA4xxAndWritesNothing(String body) throws Exception {
        Firm firm = firm();
        UUID employee = firm.employee(), client = firm.client();
        long details = jdbc.queryForObject("SELECT count(*) FROM contact_detail", Long.class);

        int status = HTTP.send(HttpRequest.newBuilder(uri("/api/v2/contact-details"))
                .header("Authorization", "Bearer " + token(employee))
                .header(ContactDetails.ACTING_ACCOUNT, employee.toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(String.format(body, client))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();

        assertThat(status).isBetween(400, 499);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_detail", Long.class)).isEqualTo(details);
    }

    /** A firm's employee and two of its clients. */
    private record Firm(UUID employee, UUID client, UUID otherClient) {
    }

    private Firm firm() {
        UUID firm = UUID.randomUUID();
        return new Firm(account(firm, "employee"), account(firm, "client"), account(firm, "client"));
    }

    private UUID account(UUID firm, String type) {
        UUID account = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO account (uuid, firm_uuid, type, first_name, last_name, created_at, updated_at) "
                + "VALUES (?, ?, ?, 'Ann', 'Example', ?, ?)", account, firm, type, now, now);
        return account;
    }

    private HttpResponse<String> post(UUID actor, Map<String, Object> body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/v2/contact-details"))
                .header("Authorization", "Bearer " + token(actor))
                .header(ContactDetails.ACTING_ACCOUNT, actor.toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(UUID actor, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token(actor))
                .header(ContactDetails.ACTING_ACCOUNT, actor.toString()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A token as the service's {@code token --account} mints it: HS256 over the shared secret, listing the account. */
    private static String token(UUID account) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject("crud-reference-test").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("accounts", List.of(account.toString())).build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
