package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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

    /**
     * An answer that fits the container's buffer goes out whole, its length given (not chunked, not ended in a second
     * write); one larger than the buffer still arrives complete.
     */
    @Test
    void answersAreSentWholeWithTheirLength() {
        Tenants.Firm firm = service.newFirm("Whole answers");
        String client = firm.newClient("Whole", "Client");
        await().atMost(Duration.ofSeconds(10)).until(() -> firm.api().get("/api/v2/accounts/" + client).status() == 200);
        Api.Response created = firm.api().post("/api/v2/contact-details", Bodies.email("whole@example.com", List.of(client)));

        for (Api.Response answer : List.of(firm.api().get("/api/v2/accounts/" + client), created,
                firm.api().get("/api/v2/accounts/" + UUID.randomUUID()))) {
            assertThat(answer.http().headers().firstValue("Transfer-Encoding")).as(answer.raw()).isEmpty();
            assertThat(answer.http().headers().firstValueAsLong("Content-Length"))
                    .hasValue(answer.raw().getBytes(StandardCharsets.UTF_8).length);
        }
        Api.Response contract = service.api().get("/v3/api-docs");
        assertThat(contract.raw().length()).as("larger than Tomcat's 8 KiB buffer").isGreaterThan(8 * 1024);
        assertThat(contract.body().path("paths").has("/api/v2/contact-details")).isTrue();
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
