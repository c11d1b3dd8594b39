package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import io.contactdetails.http.security.TokenMinter;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The README's walkthrough and the tenancy rules, over real HTTP against the embedded stores. */
class FoundationEndToEndTest {
    private final RunningService service = RunningService.shared();

    @Test
    void walkthroughCreatesAFirmAClientAndReadsItBack() {
        Api.Response firm = service.api().as(service.adminToken(), null).post("/api/v2/firms",
                Map.of("name", "Thompson & Co", "first_name", "Ada", "last_name", "Lovelace"));
        assertThat(firm.status()).isEqualTo(201);
        assertThat(firm.text("name")).isEqualTo("Thompson & Co");
        JsonNode employee = firm.body().path("account");
        assertThat(employee.path("type").asText()).isEqualTo("employee");
        assertThat(employee.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(employee.path("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");

        String employeeId = employee.path("uuid").asText();
        Api adviser = service.api().as(service.tokenFor(employeeId), employeeId);
        Api.Response client = adviser.post("/api/v2/accounts", Map.of("first_name", "Gareth", "last_name", "Thompson"));
        assertThat(client.status()).isEqualTo(201);
        assertThat(client.text("type")).isEqualTo("client");
        assertThat(client.body().path("primary_email").isNull()).isTrue();
        assertThat(client.body().path("primary_phone_number").isNull()).isTrue();
        assertThat(client.body().path("email").isNull()).isTrue();

        String clientId = client.text("uuid");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(adviser.get("/api/v2/accounts/" + clientId).status()).isEqualTo(200));
        Api.Response read = adviser.get("/api/v2/accounts/" + clientId);
        assertThat(read.body()).isEqualTo(client.body());

        Api.Response list = adviser.get("/api/v2/accounts?per_page=1&page=2");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("meta").path("total").asInt()).isEqualTo(2);
        assertThat(list.body().path("meta").path("last_page").asInt()).isEqualTo(2);
        assertThat(list.body().path("data").get(0).path("uuid").asText()).isEqualTo(clientId);
        assertThat(list.body().path("links").path("prev").asText()).contains("page=1");
        assertThat(list.body().path("links").path("next").isNull()).isTrue();
    }

    @Test
    void accountTypesAreCreatedAsAsked() {
        Tenants.Firm firm = service.newFirm("Types");
        for (String type : List.of("client", "employee", "external")) {
            Api.Response created = firm.api().post("/api/v2/accounts",
                    Map.of("first_name", "A", "last_name", "B", "type", type));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text("type")).isEqualTo(type);
        }
    }

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        Tenants.Firm firm = service.newFirm("Tokens");
        Api anonymous = service.api();
        assertThat(anonymous.get("/api/v2/accounts/" + firm.employee()).status()).isEqualTo(401);
        Api.Response post = anonymous.post("/api/v2/accounts", Map.of("first_name", "A", "last_name", "B"));
        assertThat(post.status()).isEqualTo(401);
        assertThat(post.body()).isEqualTo(Api.JSON.valueToTree(Map.of("message", "Unauthenticated.")));

        String forged = new TokenMinter("another-secret-that-is-also-long-enough!").mint("x",
                List.of(firm.employee()), false, Duration.ofMinutes(5));
        assertThat(service.api().as(forged, firm.employee()).get("/api/v2/accounts").status()).isEqualTo(401);
        String expired = service.tenants.tokens().mint("x", List.of(firm.employee()), false, Duration.ofMinutes(-5));
        assertThat(service.api().as(expired, firm.employee()).get("/api/v2/accounts").status()).isEqualTo(401);
        assertThat(service.api().as("not-a-jwt", firm.employee()).post("/api/v2/accounts", "{}").status()).isEqualTo(401);
    }

    @Test
    void actingAsAnAccountTheTokenDoesNotListIs403() {
        Tenants.Firm firm = service.newFirm("Claims");
        String other = service.newFirm("Other").employee();
        Api wrongAccount = service.api().as(service.tokenFor(other), firm.employee());
        Api.Response post = wrongAccount.post("/api/v2/accounts", Map.of("first_name", "A", "last_name", "B"));
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.body()).isEqualTo(Api.JSON.valueToTree(Map.of("message", "This action is unauthorized.")));
        assertThat(wrongAccount.get("/api/v2/accounts").status()).isEqualTo(403);
        assertThat(service.api().as(service.tokenFor(firm.employee()), null).get("/api/v2/accounts").status())
                .isEqualTo(403);
        assertThat(service.api().as(service.tokenFor(firm.employee()), "junk").post("/api/v2/accounts", "{}").status())
                .isEqualTo(403);
    }

    @Test
    void aClientOrExternalAccountCannotAct() {
        Tenants.Firm firm = service.newFirm("Clients cannot act");
        String client = firm.newClient("Cli", "Ent");
        Api asClient = service.api().as(service.tokenFor(client), client);
        assertThat(asClient.post("/api/v2/accounts", Map.of("first_name", "A", "last_name", "B")).status())
                .isEqualTo(403);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(firm.api().get("/api/v2/accounts/" + client).status()).isEqualTo(200));
        assertThat(asClient.get("/api/v2/accounts/" + client).status()).isEqualTo(403);
    }

    @Test
    void onlyAPlatformAdminCreatesFirms() {
        Tenants.Firm firm = service.newFirm("Admins");
        Api.Response asEmployee = firm.api().post("/api/v2/firms", Map.of("name", "X", "first_name", "A", "last_name", "B"));
        assertThat(asEmployee.status()).isEqualTo(403);
    }

    @Test
    void anotherFirmsAccountIsNotFound() {
        Tenants.Firm mine = service.newFirm("Mine");
        Tenants.Firm theirs = service.newFirm("Theirs");
        String theirClient = theirs.newClient("Their", "Client");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(theirs.api().get("/api/v2/accounts/" + theirClient).status()).isEqualTo(200));
        Api.Response response = mine.api().get("/api/v2/accounts/" + theirClient);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(Api.JSON.valueToTree(Map.of("message", "Not found.")));
        assertThat(mine.api().get("/api/v2/accounts/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(mine.api().get("/api/v2/accounts/not-a-uuid").status()).isEqualTo(404);
        assertThat(mine.api().get("/api/v2/accounts").body().path("data").toString()).doesNotContain(theirClient);
    }

    @Test
    void invalidAccountsAreRejectedWithEveryFieldError() {
        Tenants.Firm firm = service.newFirm("Validation");
        Api.Response missing = firm.api().post("/api/v2/accounts", Map.of("type", "robot"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.text("message")).isEqualTo("The first name field is required. (and 2 more errors)");
        assertThat(missing.body().path("errors").fieldNames()).toIterable()
                .containsExactly("first_name", "last_name", "type");

        Api.Response tooLong = firm.api().post("/api/v2/accounts", Map.of("first_name", "x".repeat(256), "last_name", 7));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body().path("errors").path("first_name").get(0).asText())
                .isEqualTo("The first name field must not be greater than 255 characters.");
        assertThat(tooLong.body().path("errors").path("last_name").get(0).asText())
                .isEqualTo("The last name field must be a string.");

        Api.Response badPage = firm.api().get("/api/v2/accounts?per_page=501&page=0");
        assertThat(badPage.status()).isEqualTo(422);
        assertThat(badPage.body().path("errors").has("per_page")).isTrue();
        assertThat(badPage.body().path("errors").has("page")).isTrue();
    }

    @Test
    void malformedOversizedAndMisroutedRequestsGetClearAnswers() {
        Tenants.Firm firm = service.newFirm("Bad requests");
        assertThat(firm.api().post("/api/v2/accounts", "{\"first_name\":").status()).isEqualTo(400);
        String huge = "{\"first_name\":\"" + "x".repeat(70_000) + "\",\"last_name\":\"y\"}";
        Api.Response tooLarge = firm.api().post("/api/v2/accounts", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.text("message")).isNotBlank();
        Api.Response chunked = firm.api().send(firm.api().builder("/api/v2/accounts")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes()))));
        assertThat(chunked.status()).isEqualTo(413);
        Api.Response xml = firm.api().send(firm.api().builder("/api/v2/accounts")
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<a/>")));
        assertThat(xml.status()).isEqualTo(415);
        assertThat(firm.api().get("/api/v2/nothing-here").status()).isEqualTo(404);
        assertThat(firm.api().post("/api/v2/nothing-here", "{}").body().path("message").asText()).isNotBlank();
    }
}
