package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.contactdetails.fixtures.Bodies.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** POST /api/v2/contact-details over real HTTP, and what the read models show afterwards. */
class ContactDetailsEndToEndTest {
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}";
    private final RunningService service = RunningService.shared();

    private static JsonNode awaitAccount(Api api, String account, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v2/accounts/" + account).body(), condition);
    }

    @Test
    void theSeedRequestCreatesAPrimaryPhoneNumberForBothOwners() {
        Tenants.Firm firm = service.newFirm("Seed");
        String gareth = firm.newClient("Gareth", "Thompson");
        String joint = firm.newClient("Jo", "Thompson");
        Map<String, Object> seed = Bodies.seed(List.of(gareth, joint));

        Api.Response created = firm.api().post("/api/v2/contact-details", seed);

        assertThat(created.status()).isEqualTo(201);
        JsonNode detail = created.body();
        String uuid = detail.path("uuid").asText();
        assertThat(UUID.fromString(uuid)).isNotNull();
        assertThat(detail.path("name").asText()).isEqualTo("Work phone number");
        assertThat(detail.path("type").asText()).isEqualTo("phone_number");
        assertThat(detail.path("value").asText()).isEqualTo("+443330903630");
        assertThat(detail.path("phone_number_meta")).isEqualTo(Api.JSON.valueToTree(
                Map.of("country", "GB", "formatted", "0333 090 3630")));
        assertThat(detail.path("created_at").asText()).matches(TIMESTAMP);
        assertThat(detail.path("updated_at").asText()).matches(TIMESTAMP);
        assertThat(Api.uuids(detail.path("primary_accounts"))).containsExactly(gareth, joint);
        assertThat(detail.path("accounts")).hasSize(2);
        for (JsonNode account : detail.path("accounts")) {
            assertThat(account.path("type").asText()).isEqualTo("client");
            assertThat(account.path("primary_phone_number").path("uuid").asText()).isEqualTo(uuid);
            assertThat(account.path("primary_phone_number").has("accounts")).isFalse();
            assertThat(account.path("primary_email").isNull()).isTrue();
        }

        JsonNode read = awaitAccount(firm.api(), gareth, account -> !account.path("primary_phone_number").isNull());
        assertThat(read.path("primary_phone_number").path("uuid").asText()).isEqualTo(uuid);
        assertThat(read.path("primary_phone_number").path("phone_number_meta").path("formatted").asText())
                .isEqualTo("0333 090 3630");
        Api.Response readDetail = firm.api().get("/api/v2/contact-details/" + uuid);
        assertThat(readDetail.status()).isEqualTo(200);
        assertThat(readDetail.body().path("primary_accounts")).hasSize(2);
        assertThat(readDetail.body().path("accounts").get(0).path("uuid").asText()).isEqualTo(gareth);
        assertThat(readDetail.body().path("value")).isEqualTo(detail.path("value"));
    }

    /** New keys land beside the newest of the event table's indexes and the read models' {@code _id}s. */
    @Test
    void theKeysAWriteMakesAreTimeOrderedUuids() {
        Tenants.Firm firm = service.newFirm("Keys");
        String client = firm.newClient("Ada", "Keys");

        Api.Response created = firm.api().post("/api/v2/contact-details", email("keys@example.com", List.of(client)));

        assertThat(created.status()).isEqualTo(201);
        List<String> keys = new ArrayList<>(List.of(firm.uuid(), client, created.text("uuid")));
        keys.addAll(service.jdbc().queryForList(
                "SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier IN (?, ?)", String.class,
                client, created.text("uuid")));
        assertThat(keys).hasSizeGreaterThan(3)
                .allSatisfy(key -> assertThat(UUID.fromString(key).version()).as(key).isEqualTo(7));
    }

    @Test
    void aPhoneNumberGivenWithItsCountryIsParsedInThatRegion() {
        Tenants.Firm firm = service.newFirm("Australia");
        String client = firm.newClient("Bruce", "Wayne");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "phone_number");
        body.put("name", "Sydney office");
        body.put("value", Map.of("country", "AU", "number", "+61 2 3456 7890"));
        body.put("account_uuids", List.of(client));
        Api.Response created = firm.api().post("/api/v2/contact-details", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("value")).isEqualTo("+61234567890");
        assertThat(created.body().path("phone_number_meta")).isEqualTo(Api.JSON.valueToTree(
                Map.of("country", "AU", "formatted", "(02) 3456 7890")));
        // the first phone number of an account becomes its primary even unasked
        assertThat(created.body().path("primary_accounts").get(0).path("uuid").asText()).isEqualTo(client);
    }

    @Test
    void primaryAccountUuidsOnlyTouchesThoseAccounts() {
        Tenants.Firm firm = service.newFirm("Selective");
        String first = firm.newClient("First", "Owner");
        String second = firm.newClient("Second", "Owner");
        String firstEmail = firm.api().post("/api/v2/contact-details", email("first@example.com", List.of(first))).text("uuid");
        String secondEmail = firm.api().post("/api/v2/contact-details", email("second@example.com", List.of(second))).text("uuid");

        Map<String, Object> shared = email("shared@example.com", List.of(first, second));
        shared.put("primary_account_uuids", List.of(second));
        Api.Response created = firm.api().post("/api/v2/contact-details", shared);

        assertThat(created.status()).isEqualTo(201);
        String sharedEmail = created.text("uuid");
        assertThat(Api.uuids(created.body().path("primary_accounts"))).containsExactly(second);
        assertThat(created.body().path("accounts").get(0).path("primary_email").path("uuid").asText()).isEqualTo(firstEmail);
        assertThat(created.body().path("accounts").get(1).path("email").asText()).isEqualTo("shared@example.com");

        JsonNode firstRead = awaitAccount(firm.api(), first, a -> !a.path("primary_email").isNull());
        assertThat(firstRead.path("primary_email").path("uuid").asText()).isEqualTo(firstEmail);
        JsonNode secondRead = awaitAccount(firm.api(), second,
                a -> a.path("primary_email").path("uuid").asText().equals(sharedEmail));
        assertThat(secondRead.path("email").asText()).isEqualTo("shared@example.com");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                firm.api().get("/api/v2/contact-details/" + secondEmail).body().path("primary_accounts")).isEmpty());

        List<String> events = service.jdbc().queryForList(
                "SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                String.class, second);
        assertThat(events).extracting(type -> type.substring(type.lastIndexOf('.') + 1)).containsExactly(
                "AccountCreated", "ContactDetailAttached", "PrimaryAssigned",
                "ContactDetailAttached", "PrimaryRevoked", "PrimaryAssigned");
    }

    @Test
    void isPrimaryMakesItThePrimaryOfEveryOwner() {
        Tenants.Firm firm = service.newFirm("Everyone");
        String first = firm.newClient("First", "Owner");
        String second = firm.newClient("Second", "Owner");
        firm.api().post("/api/v2/contact-details", email("old1@example.com", List.of(first)));
        firm.api().post("/api/v2/contact-details", email("old2@example.com", List.of(second)));
        Map<String, Object> body = email("new@example.com", List.of(first, second));
        body.put("is_primary", true);
        Api.Response created = firm.api().post("/api/v2/contact-details", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("primary_accounts")).hasSize(2);
        for (JsonNode account : created.body().path("accounts")) {
            assertThat(account.path("email").asText()).isEqualTo("new@example.com");
        }
    }

    @Test
    void theSameValueTwiceOnOneAccountIsRefusedAndNothingIsWritten() {
        Tenants.Firm firm = service.newFirm("Duplicates");
        String client = firm.newClient("Dup", "Licate");
        String other = firm.newClient("Other", "Owner");
        assertThat(firm.api().post("/api/v2/contact-details", email("dup@example.com", List.of(client))).status())
                .isEqualTo(201);
        long before = service.eventCount();
        Api.Response again = firm.api().post("/api/v2/contact-details", email("  dup@EXAMPLE.com", List.of(other, client)));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body().path("errors").path("value").get(0).asText()).isEqualTo("The value has already been taken.");
        assertThat(service.eventCount()).isEqualTo(before);
    }

    @Test
    void ownersMustBeClientsOfTheCallersFirmAndFailuresLookAlike() {
        Tenants.Firm firm = service.newFirm("Owners");
        String client = firm.newClient("Good", "Client");
        String theirClient = service.newFirm("Elsewhere").newClient("Their", "Client");
        long before = service.eventCount();
        Api.Response refused = firm.api().post("/api/v2/contact-details", email("owners@example.com",
                List.of(client, firm.employee(), theirClient, UUID.randomUUID().toString())));
        assertThat(refused.status()).isEqualTo(422);
        JsonNode errors = refused.body().path("errors");
        assertThat(errors.has("account_uuids.0")).isFalse();
        for (int index = 1; index <= 3; index++) {
            assertThat(errors.path("account_uuids." + index).get(0).asText())
                    .isEqualTo("The selected account uuids." + index + " is invalid.");
        }
        assertThat(refused.text("message")).isEqualTo("The selected account uuids.1 is invalid. (and 2 more errors)");
        assertThat(service.eventCount()).isEqualTo(before);
    }

    @Test
    void everyValidationErrorIsReportedAtOnceWithItsPath() {
        Tenants.Firm firm = service.newFirm("All errors");
        String client = firm.newClient("A", "B");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "phone_number");
        body.put("name", "x".repeat(256));
        body.put("value", Map.of("country", "ZZ", "number", 44));
        body.put("is_primary", "yes");
        body.put("account_uuids", List.of(client, "nope", client));
        body.put("primary_account_uuids", List.of(UUID.randomUUID().toString()));
        Api.Response response = firm.api().post("/api/v2/contact-details", body);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("errors").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "name", "value.country", "value.number", "is_primary", "account_uuids.1", "account_uuids.2");
        assertThat(response.text("message")).endsWith("(and 5 more errors)");

        Api.Response badPrimary = firm.api().post("/api/v2/contact-details", Map.of("type", "email", "name", "n",
                "value", "a@example.com", "account_uuids", List.of(client),
                "primary_account_uuids", List.of(UUID.randomUUID().toString())));
        assertThat(badPrimary.body().path("errors").path("primary_account_uuids.0").get(0).asText())
                .isEqualTo("The selected primary account uuids.0 is invalid.");

        Api.Response invalidNumber = firm.api().post("/api/v2/contact-details", Map.of("type", "phone_number",
                "name", "n", "value", "07700 900123", "account_uuids", List.of(client)));
        assertThat(invalidNumber.body().path("errors").path("value").get(0).asText())
                .isEqualTo("The value field must be a valid phone number.");
    }

    @Test
    void anotherFirmsContactDetailIsNotFound() {
        Tenants.Firm mine = service.newFirm("Mine too");
        Tenants.Firm theirs = service.newFirm("Theirs too");
        String theirClient = theirs.newClient("T", "C");
        String theirs1 = theirs.api().post("/api/v2/contact-details", email("t@example.com", List.of(theirClient))).text("uuid");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(theirs.api().get("/api/v2/contact-details/" + theirs1).status()).isEqualTo(200));
        assertThat(mine.api().get("/api/v2/contact-details/" + theirs1).status()).isEqualTo(404);
    }
}
