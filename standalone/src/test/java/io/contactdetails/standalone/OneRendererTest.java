package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.contactdetails.fixtures.Bodies.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The answer to a write and a later read of the same resource are one rendering: once the read model has
 * caught up, the 201 of POST /api/v2/contact-details equals GET of the detail, and each owner in it equals
 * GET of that account. The scenario is the one where two renderers used to drift: a detail shared by two
 * clients stops being one client's primary, and a later detail of the other client is created.
 */
class OneRendererTest {
    private final RunningService service = RunningService.shared();

    @Test
    void theAnswerToACreateEqualsTheReadsOfTheDetailAndOfItsOwners() throws InterruptedException {
        Tenants.Firm firm = service.newFirm("One renderer");
        String a = firm.newClient("Alice", "Shared");
        String b = firm.newClient("Bob", "Shared");
        assertThat(firm.api().post("/api/v2/contact-details", email("shared@example.com", List.of(a, b), false))
                .status()).isEqualTo(201);
        // whole seconds apart, so that an instant taken from the wrong event shows in the rendered timestamps
        Thread.sleep(1100);
        assertThat(firm.api().post("/api/v2/contact-details", email("bob@example.com", List.of(b), true))
                .status()).isEqualTo(201);
        Thread.sleep(1100);

        Api.Response created = firm.api().post("/api/v2/contact-details", email("alice@example.com", List.of(a), false));

        assertThat(created.status()).isEqualTo(201);
        JsonNode answer = created.body();
        String detail = answer.path("uuid").asText();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(firm.api().get("/api/v2/contact-details/" + detail).body()).isEqualTo(answer));
        for (JsonNode owner : answer.path("accounts")) {
            assertThat(firm.api().get("/api/v2/accounts/" + owner.path("uuid").asText()).body()).isEqualTo(owner);
        }
        assertThat(answer.path("accounts").get(0).path("primary_email").path("value").asText())
                .isEqualTo("shared@example.com");
    }
}
