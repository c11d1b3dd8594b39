package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.contactdetails.fixtures.Bodies.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The life of a contact detail over real HTTP: list, change, move, remove, and what accounts and history show. */
class ContactDetailLifecycleEndToEndTest {
    private final RunningService service = RunningService.shared();

    private static Api.Response put(Api api, String uuid, Object body) {
        return api.put("/api/v2/contact-details/" + uuid, body);
    }

    private static Api.Response delete(Api api, String uuid) {
        return api.delete("/api/v2/contact-details/" + uuid);
    }

    private static JsonNode awaitGet(Api api, String path, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> api.get(path).body(), condition);
    }

    private static String primaryEmail(JsonNode account) {
        return account.path("primary_email").path("uuid").asText(null);
    }

    @Test
    void theSeedRequestThenAPutThatMovesItToAnotherClient() {
        Tenants.Firm firm = service.newFirm("Moving");
        String gareth = firm.newClient("Gareth", "Thompson");
        String jo = firm.newClient("Jo", "Thompson");
        String seed = firm.api().post("/api/v2/contact-details", Bodies.seed(List.of(gareth))).text("uuid");

        Api.Response moved = put(firm.api(), seed, Map.of("account_uuids", List.of(jo)));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(Api.uuids(moved.body().path("accounts"))).containsExactly(jo);
        assertThat(Api.uuids(moved.body().path("primary_accounts"))).containsExactly(jo);
        assertThat(moved.body().path("primary_accounts").get(0).path("primary_phone_number").path("uuid").asText())
                .isEqualTo(seed);
        awaitGet(firm.api(), "/api/v2/accounts/" + gareth, account -> account.path("primary_phone_number").isNull());
        awaitGet(firm.api(), "/api/v2/contact-details/" + seed, detail -> detail.equals(moved.body()));
    }

    /**
     * An account's primaries are read from copies in its document, written from the account's stream and the
     * detail's: after a change to the detail, the account reads as its events say (as_of now), primary and all.
     */
    @Test
    void aChangedPrimaryShowsInItsAccountAsTheEventsSay() {
        Tenants.Firm firm = service.newFirm("Copies");
        String client = firm.newClient("Cody", "Pease");
        String primary = firm.api().post("/api/v2/contact-details", email("old@example.com", List.of(client), true)).text("uuid");
        awaitGet(firm.api(), "/api/v2/accounts/" + client, account -> primary.equals(primaryEmail(account)));

        assertThat(put(firm.api(), primary, Map.of("name", "Work", "value", "new@example.com")).status()).isEqualTo(200);

        JsonNode account = awaitGet(firm.api(), "/api/v2/accounts/" + client,
                live -> live.path("primary_email").path("value").asText().equals("new@example.com"));
        assertThat(account.path("primary_email").path("name").asText()).isEqualTo("Work");
        assertThat(account.path("email").asText()).isEqualTo("new@example.com");
        assertThat(account).isEqualTo(firm.api().get("/api/v2/accounts/" + client + "?as_of=" + Instant.now()).body());
    }

    @Test
    void deletingAPrimaryHandsItToTheMostRecentlyAttachedRemainingDetailThenToNone() {
        Tenants.Firm firm = service.newFirm("Succession");
        String client = firm.newClient("Sue", "Cession");
        String first = firm.api().post("/api/v2/contact-details", email("first@example.com", List.of(client))).text("uuid");
        String second = firm.api().post("/api/v2/contact-details", email("second@example.com", List.of(client), true)).text("uuid");
        String third = firm.api().post("/api/v2/contact-details", email("third@example.com", List.of(client))).text("uuid");
        awaitGet(firm.api(), "/api/v2/accounts/" + client, account -> second.equals(primaryEmail(account)));
        Instant beforeDeletion = Instant.now();

        assertThat(delete(firm.api(), second).status()).isEqualTo(204);
        awaitGet(firm.api(), "/api/v2/accounts/" + client, account -> third.equals(primaryEmail(account)));
        assertThat(firm.api().get("/api/v2/contact-details/" + second).status()).isEqualTo(404);
        assertThat(primaryEmail(firm.api().get("/api/v2/accounts/" + client + "?as_of=" + beforeDeletion).body()))
                .isEqualTo(second);
        JsonNode trail = firm.api().get("/api/v2/contact-details/" + second + "/history").body().path("data");
        assertThat(trail).extracting(entry -> entry.path("event").asText()).containsExactly("contact_detail_created",
                "primary_assigned", "contact_detail_removed", "primary_revoked");

        assertThat(delete(firm.api(), third).status()).isEqualTo(204);
        awaitGet(firm.api(), "/api/v2/accounts/" + client, account -> first.equals(primaryEmail(account)));
        assertThat(delete(firm.api(), first).status()).isEqualTo(204);
        JsonNode none = awaitGet(firm.api(), "/api/v2/accounts/" + client, account -> account.path("primary_email").isNull());
        assertThat(none.path("email").isNull()).isTrue();
        assertThat(delete(firm.api(), first).status()).isEqualTo(404);
        assertThat(firm.api().get("/api/v2/contact-details?filter[account_uuids]=" + client).body().path("data")).isEmpty();
    }

    @Test
    void aPutThatUnPrimariesLeavesNoPrimaryAndNamesTheNewOnesExactly() {
        Tenants.Firm firm = service.newFirm("Exactly");
        String ada = firm.newClient("Ada", "A");
        String bob = firm.newClient("Bob", "B");
        String shared = firm.api().post("/api/v2/contact-details", email("shared@example.com", List.of(ada, bob), true))
                .text("uuid");

        Api.Response onlyBob = put(firm.api(), shared, Map.of("primary_account_uuids", List.of(bob)));
        assertThat(Api.uuids(onlyBob.body().path("primary_accounts"))).containsExactly(bob);
        assertThat(onlyBob.body().path("accounts").get(0).path("primary_email").isNull()).isTrue();

        Api.Response nobody = put(firm.api(), shared, Map.of("primary_account_uuids", List.of()));
        assertThat(nobody.body().path("primary_accounts")).isEmpty();
        JsonNode history = firm.api().get("/api/v2/accounts/" + bob + "/history").body().path("data");
        assertThat(history.get(history.size() - 1).path("event").asText()).isEqualTo("primary_revoked");
    }

    @Test
    void aChangedValueIsValidatedLikeANewOneAndItsHistoryShowsFromAndTo() {
        Tenants.Firm firm = service.newFirm("Values");
        String client = firm.newClient("Val", "Ue");
        String detail = firm.api().post("/api/v2/contact-details", email("typo@exmaple.com", List.of(client))).text("uuid");
        firm.api().post("/api/v2/contact-details", email("other@example.com", List.of(client)));

        Api.Response fixed = put(firm.api(), detail, Map.of("value", " Typo@EXAMPLE.com ", "name", "Work"));
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.text("value")).isEqualTo("Typo@example.com");
        assertThat(fixed.text("name")).isEqualTo("Work");

        assertThat(put(firm.api(), detail, Map.of("value", "other@example.com")).body().path("errors").has("value")).isTrue();
        assertThat(put(firm.api(), detail, Map.of("value", "not an email")).status()).isEqualTo(422);
        assertThat(put(firm.api(), detail, Map.of("type", "phone_number", "name", "x")).body().path("errors").has("type"))
                .isTrue();
        assertThat(put(firm.api(), detail, Map.of()).status()).isEqualTo(422);
        assertThat(put(firm.api(), detail, Map.of("account_uuids", List.of())).body().path("errors").has("account_uuids"))
                .isTrue();
        assertThat(put(firm.api(), detail, Map.of("type", "email", "name", "Same type")).status()).isEqualTo(200);

        JsonNode trail = firm.api().get("/api/v2/contact-details/" + detail + "/history").body().path("data");
        JsonNode valueChange = null;
        for (JsonNode entry : trail) {
            if (entry.path("event").asText().equals("contact_detail_value_changed")) {
                valueChange = entry;
            }
        }
        assertThat(valueChange).isNotNull();
        assertThat(valueChange.path("changes").path("value").path("from").asText()).isEqualTo("typo@exmaple.com");
        assertThat(valueChange.path("changes").path("value").path("to").asText()).isEqualTo("Typo@example.com");
    }

    @Test
    void anotherFirmsDetailCannotBeReadChangedOrDeleted() {
        Tenants.Firm mine = service.newFirm("Mine, lifecycle");
        Tenants.Firm theirs = service.newFirm("Theirs, lifecycle");
        String theirClient = theirs.newClient("T", "C");
        String detail = theirs.api().post("/api/v2/contact-details", email("t@example.com", List.of(theirClient))).text("uuid");

        assertThat(put(mine.api(), detail, Map.of("name", "Mine now")).status()).isEqualTo(404);
        assertThat(put(mine.api(), detail, Map.of("value", "not an email")).status()).isEqualTo(404);
        assertThat(delete(mine.api(), detail).status()).isEqualTo(404);
        assertThat(put(mine.api(), "not-a-uuid", Map.of("name", "x")).status()).isEqualTo(404);
        awaitGet(theirs.api(), "/api/v2/contact-details/" + detail, found -> found.path("name").asText().equals("Home email"));
        assertThat(mine.api().get("/api/v2/contact-details?filter[uuid]=" + detail).body().path("meta").path("total").asLong())
                .isZero();
    }

    @Test
    void theListFiltersSortsIncludesAndRefusesWhatItDoesNotKnow() {
        Tenants.Firm firm = service.newFirm("Listing");
        String ada = firm.newClient("Ada", "A");
        String bob = firm.newClient("Bob", "B");
        Map<String, Object> phone = new LinkedHashMap<>(Bodies.seed(List.of(bob)));
        phone.put("name", "A phone");
        String bobsPhone = firm.api().post("/api/v2/contact-details", phone).text("uuid");
        String adasEmail = firm.api().post("/api/v2/contact-details", email("ada@example.com", List.of(ada))).text("uuid");
        String bothEmail = firm.api().post("/api/v2/contact-details", email("both@example.com", List.of(ada, bob), true))
                .text("uuid");
        awaitGet(firm.api(), "/api/v2/contact-details?per_page=1", page -> page.path("meta").path("total").asLong() == 3);

        JsonNode plain = firm.api().get("/api/v2/contact-details").body();
        assertThat(Api.uuids(plain.path("data"))).containsExactly(bobsPhone, adasEmail, bothEmail);
        assertThat(plain.path("data").get(0).has("accounts")).isFalse();
        assertThat(plain.path("data").get(0).has("primary_accounts")).isFalse();

        JsonNode adas = firm.api().get("/api/v2/contact-details?filter[account_uuids]=" + ada
                + "&filter[type]=email&sort=-created_at&include=primary_accounts").body();
        assertThat(Api.uuids(adas.path("data"))).containsExactly(bothEmail, adasEmail);
        assertThat(Api.uuids(adas.path("data").get(0).path("primary_accounts"))).containsExactly(ada, bob);
        assertThat(adas.path("data").get(0).has("accounts")).isFalse();

        JsonNode byName = firm.api().get("/api/v2/contact-details?sort=name&include=accounts,primary_accounts&per_page=1&page=1")
                .body();
        assertThat(Api.uuids(byName.path("data"))).containsExactly(bobsPhone);
        assertThat(byName.path("meta").path("last_page").asInt()).isEqualTo(3);
        assertThat(Api.uuids(byName.path("data").get(0).path("accounts"))).containsExactly(bob);
        assertThat(byName.path("links").path("next").asText()).as("the next page keeps the list's query")
                .contains("sort=name").contains("include=accounts,primary_accounts").contains("page=2");

        JsonNode byIds = firm.api().get("/api/v2/contact-details?filter[uuid]=" + adasEmail + "," + bobsPhone).body();
        assertThat(byIds.path("meta").path("total").asLong()).isEqualTo(2);

        for (String bad : List.of("filter[owner]=x", "sort=uuid", "include=firm", "filter[type]=fax",
                "filter[uuid]=nope", "per_page=501")) {
            assertThat(firm.api().get("/api/v2/contact-details?" + bad).status()).as(bad).isEqualTo(422);
        }
    }

    @Test
    void booleansTakeLaravelsForms() {
        Tenants.Firm firm = service.newFirm("Booleans");
        String client = firm.newClient("Bo", "Olean");
        firm.api().post("/api/v2/contact-details", email("one@example.com", List.of(client)));
        Map<String, Object> body = email("two@example.com", List.of(client));
        body.put("is_primary", "1");
        Api.Response created = firm.api().post("/api/v2/contact-details", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(Api.uuids(created.body().path("primary_accounts"))).containsExactly(client);
        Map<String, Object> notPrimary = email("three@example.com", List.of(client));
        notPrimary.put("is_primary", 0);
        assertThat(firm.api().post("/api/v2/contact-details", notPrimary).body().path("primary_accounts")).isEmpty();
    }
}
