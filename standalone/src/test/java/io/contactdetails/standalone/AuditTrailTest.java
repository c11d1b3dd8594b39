package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.contactdetails.fixtures.Bodies.email;
import static org.assertj.core.api.Assertions.assertThat;

/** Who did what, when, through which request; and what was known at an instant. */
class AuditTrailTest {
    private final RunningService service = RunningService.shared();

    private static Api.Response post(Api api, String requestId, Object body) {
        try {
            return api.send(api.builder("/api/v2/contact-details")
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", requestId)
                    .header("User-Agent", "audit-test/1.0")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyEventOfARequestSaysWhoWhenAndThroughWhichRequest() {
        Tenants.Firm firm = service.newFirm("Metadata");
        String client = firm.newClient("Meta", "Data");
        Api.Response created = post(firm.api(), "req-metadata-1", email("meta@example.com", List.of(client), true));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.http().headers().firstValue("X-Request-Id")).contains("req-metadata-1");

        List<String> metadata = service.jdbc().queryForList("""
                SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                 WHERE convert_from(metadata, 'UTF8')::jsonb ->> 'request_id' = ? ORDER BY globalindex""",
                String.class, "req-metadata-1");
        assertThat(metadata).hasSize(3); // contact detail created, attached to the client, primary assigned
        for (String json : metadata) {
            JsonNode meta = read(json);
            assertThat(meta.path("acting_account_uuid").asText()).isEqualTo(firm.employee());
            assertThat(meta.path("firm_uuid").asText()).isEqualTo(firm.uuid());
            assertThat(meta.path("sub").asText()).isEqualTo("adviser@example.com");
            assertThat(meta.path("client_address").asText()).isEqualTo("127.0.0.1");
            assertThat(meta.path("user_agent").asText()).isEqualTo("audit-test/1.0");
            assertThat(meta.path("correlationId").asText()).isNotBlank();
            assertThat(meta.path("traceId").asText()).isNotBlank();
        }

        Api.Response insane = post(firm.api(), "bad id with spaces", email("meta2@example.com", List.of(client), false));
        String echoed = insane.http().headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(echoed).isNotEqualTo("bad id with spaces").matches("[0-9a-f-]{36}");
        assertThat(firm.api().get("/api/v2/accounts").http().headers().firstValue("X-Request-Id")).isPresent();
    }

    /**
     * Axon asks every correlation data provider of the process about each event a processor handles, and what they
     * give there lands on a result message no one reads: none of them may deserialize the event's metadata to answer
     * (CommandCorrelationTest, http-api, holds the providers to what they carry from a command).
     */
    @Test
    void correlationDataProvidersLeaveAHandledEventsMetadataUnread() {
        EventMessage<String> handled = new GenericEventMessage<>("an event from the store") {
            @Override
            public MetaData getMetaData() {
                throw new AssertionError("the handled event's metadata was read");
            }
        };
        List<CorrelationDataProvider> providers = service.axon().correlationDataProviders();

        assertThat(providers).isNotEmpty()
                .allSatisfy(provider -> assertThat(provider.correlationDataFor(handled)).isEmpty());
    }

    @Test
    void aContactDetailsHistoryListsItsChangesWithTheirActorsAndRequests() {
        Tenants.Firm firm = service.newFirm("History");
        String other = firm.api().post("/api/v2/accounts", Map.of("first_name", "Grace", "last_name", "Hopper",
                "type", "employee")).text("uuid");
        Api asGrace = service.api().as(service.tokenFor(other), other);
        String first = firm.newClient("First", "Owner");
        String second = firm.newClient("Second", "Owner");

        String shared = post(firm.api(), "req-h-1", email("shared@example.com", List.of(first, second), true)).text("uuid");
        post(asGrace, "req-h-2", email("first-only@example.com", List.of(first), true));
        post(firm.api(), "req-h-3", email("second-only@example.com", List.of(second), true));

        JsonNode history = firm.api().get("/api/v2/contact-details/" + shared + "/history").body();
        JsonNode entries = history.path("data");
        assertThat(entries).extracting(entry -> entry.path("event").asText()).containsExactly(
                "contact_detail_created", "primary_assigned", "primary_assigned", "primary_revoked", "primary_revoked");
        assertThat(history.path("meta").path("total").asInt()).isEqualTo(5);
        assertThat(entries.get(0).path("changes").path("value").path("to").asText()).isEqualTo("shared@example.com");
        assertThat(entries.get(0).path("changes").path("value").path("from").isNull()).isTrue();

        JsonNode revokedForFirst = entries.get(3);
        assertThat(revokedForFirst.path("request_id").asText()).isEqualTo("req-h-2");
        assertThat(revokedForFirst.path("actor").path("uuid").asText()).isEqualTo(other);
        assertThat(revokedForFirst.path("actor").path("name").asText()).isEqualTo("Grace Hopper");
        assertThat(revokedForFirst.path("changes").path("primary_account_uuids")).isEqualTo(Api.JSON.valueToTree(
                Map.of("removed", List.of(first))));

        JsonNode revokedForSecond = entries.get(4);
        assertThat(revokedForSecond.path("request_id").asText()).isEqualTo("req-h-3");
        assertThat(revokedForSecond.path("actor").path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(revokedForSecond.path("changes").path("primary_account_uuids")).isEqualTo(Api.JSON.valueToTree(
                Map.of("removed", List.of(second))));

        JsonNode paged = firm.api().get("/api/v2/contact-details/" + shared + "/history?per_page=2&page=3").body();
        assertThat(paged.path("data")).hasSize(1);
        assertThat(paged.path("data").get(0)).isEqualTo(revokedForSecond);
    }

    @Test
    void anAccountsHistoryShowsHowItsPrimaryChanged() {
        Tenants.Firm firm = service.newFirm("Account history");
        String client = firm.newClient("Hist", "Ory");
        String firstEmail = post(firm.api(), "req-a-1", email("one@example.com", List.of(client), false)).text("uuid");
        String secondEmail = post(firm.api(), "req-a-2", email("two@example.com", List.of(client), true)).text("uuid");

        JsonNode entries = firm.api().get("/api/v2/accounts/" + client + "/history").body().path("data");
        assertThat(entries).extracting(entry -> entry.path("event").asText()).containsExactly("account_created",
                "contact_detail_attached", "primary_assigned", "contact_detail_attached", "primary_revoked",
                "primary_assigned");
        assertThat(entries.get(0).path("changes").path("first_name").path("to").asText()).isEqualTo("Hist");
        JsonNode revoked = entries.get(4).path("changes").path("primary_email");
        assertThat(revoked.path("from").asText()).isEqualTo(firstEmail);
        assertThat(revoked.has("to") && revoked.path("to").isNull()).isTrue();
        assertThat(entries.get(5).path("changes").path("primary_email").path("to").asText()).isEqualTo(secondEmail);
        assertThat(entries.get(5).path("occurred_at").asText()).matches("\\d{4}-.*[+-]\\d{2}:\\d{2}");

        Tenants.Firm stranger = service.newFirm("Stranger");
        assertThat(stranger.api().get("/api/v2/accounts/" + client + "/history").status()).isEqualTo(404);
        assertThat(stranger.api().get("/api/v2/contact-details/" + firstEmail + "/history").status()).isEqualTo(404);
        assertThat(firm.api().get("/api/v2/accounts/" + java.util.UUID.randomUUID() + "/history").status()).isEqualTo(404);
    }

    @Test
    void asOfBetweenTwoPrimaryChangesReturnsTheEarlierPrimary() {
        Tenants.Firm firm = service.newFirm("Point in time");
        String client = firm.newClient("Point", "InTime");
        String earlier = post(firm.api(), "req-p-1", email("earlier@example.com", List.of(client), true)).text("uuid");
        String later = post(firm.api(), "req-p-2", email("later@example.com", List.of(client), true)).text("uuid");

        Instant assigned = eventTime(client, "PrimaryAssigned", 0);
        Instant revoked = eventTime(client, "PrimaryRevoked", 0);
        Instant between = assigned.plus(java.time.Duration.between(assigned, revoked).dividedBy(2));

        JsonNode then = firm.api().get("/api/v2/accounts/" + client + "?as_of=" + between).body();
        assertThat(then.path("primary_email").path("uuid").asText()).isEqualTo(earlier);
        assertThat(then.path("email").asText()).isEqualTo("earlier@example.com");
        assertThat(then.path("name").asText()).isEqualTo("Point InTime");
        JsonNode now = firm.api().get("/api/v2/accounts/" + client + "?as_of=" + Instant.now()).body();
        assertThat(now.path("primary_email").path("uuid").asText()).isEqualTo(later);

        Instant beforeCreation = eventTime(client, "AccountCreated", 0).minusSeconds(1);
        assertThat(firm.api().get("/api/v2/accounts/" + client + "?as_of=" + beforeCreation).status()).isEqualTo(404);
        Api.Response unparsable = firm.api().get("/api/v2/accounts/" + client + "?as_of=yesterday");
        assertThat(unparsable.status()).isEqualTo(422);
        assertThat(unparsable.body().path("errors").has("as_of")).isTrue();
        assertThat(service.newFirm("Elsewhere in time").api().get("/api/v2/accounts/" + client + "?as_of=" + Instant.now())
                .status()).isEqualTo(404);
    }

    private Instant eventTime(String aggregate, String payloadType, int nth) {
        return Instant.parse(service.jdbc().queryForList("""
                SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?
                 ORDER BY sequencenumber""", String.class, aggregate, "%." + payloadType).get(nth));
    }

    private static JsonNode read(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
