package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Whatever the client asks for or claims about the host, the service answers JSON and links only to itself. */
class JsonEverywhereTest {
    private final RunningService service = RunningService.shared();

    @Test
    void errorsAreJsonWhenTheClientAsksForXml() {
        Tenants.Firm firm = service.newFirm("Xml please");
        Api.Response notFound = firm.api().send(firm.api().builder("/api/v2/accounts/" + java.util.UUID.randomUUID())
                .setHeader("Accept", "application/xml").GET());
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo(Api.JSON.valueToTree(Map.of("message", "Not found.")));
        Api.Response invalid = firm.api().send(firm.api().builder("/api/v2/accounts")
                .setHeader("Accept", "application/xml").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(invalid.status()).as(invalid.raw()).isEqualTo(422);
        assertThat(invalid.http().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(service.api().get("/error").status()).isEqualTo(404);
    }

    @Test
    void pageLinksNeverComeFromTheRequestsHostHeaders() {
        Tenants.Firm firm = service.newFirm("Links");
        String client = firm.newClient("Paged", "Client");
        // two accounts in the read model (the employee and the client), so the first page of one has a next
        await().atMost(Duration.ofSeconds(10)).until(() -> firm.api().get("/api/v2/accounts/" + client).status() == 200);
        Api.Response page = firm.api().send(firm.api().builder("/api/v2/accounts?per_page=1&page=1")
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").GET());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).doesNotContain("evil.example");
        assertThat(page.body().path("links").path("next").asText()).isEqualTo("/api/v2/accounts?page=2&per_page=1");
        assertThat(page.body().path("meta").path("path").asText()).isEqualTo("/api/v2/accounts");
    }
}
