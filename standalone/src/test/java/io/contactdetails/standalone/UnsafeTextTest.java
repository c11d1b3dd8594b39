package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Names that would hide or reorder what is shown around them, and addresses that would change under normalisation, are refused. */
class UnsafeTextTest {
    private final RunningService service = RunningService.shared();

    @Test
    void personNamesRefuseControlCharactersBidiOverridesAndLoneSurrogates() {
        Tenants.Firm firm = service.newFirm("Unsafe names");
        for (String body : List.of("{\"first_name\":\"A\\u0000B\",\"last_name\":\"Nul\"}",
                "{\"first_name\":\"\\u202Eevil\",\"last_name\":\"Bidi\"}",
                "{\"first_name\":\"Isolate\\u2066d\",\"last_name\":\"Bidi\"}",
                "{\"first_name\":\"Lone\\ud800\",\"last_name\":\"Surrogate\"}")) {
            Api.Response response = firm.api().post("/api/v2/accounts", body);
            assertThat(response.status()).as(body + " -> " + response.raw()).isEqualTo(422);
            assertThat(response.body().path("errors").path("first_name").get(0).asText()).isEqualTo(
                    "The first name field must not contain control characters, bidirectional overrides or unpaired surrogates.");
        }
        assertThat(firm.api().post("/api/v2/accounts", "{\"first_name\":\"Zo\\u00eb \\ud83d\\ude00\",\"last_name\":\"Ok\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void contactDetailNamesRefuseThemAndEmailDomainsMustSurviveNormalisation() {
        Tenants.Firm firm = service.newFirm("Unsafe details");
        String client = firm.newClient("Safe", "Client");
        Api.Response name = firm.api().post("/api/v2/contact-details", Map.of("type", "email", "name", "Work\u202E",
                "value", "name@example.com", "account_uuids", List.of(client)));
        assertThat(name.status()).isEqualTo(422);
        assertThat(name.body().path("errors").has("name")).isTrue();

        Api.Response kelvin = firm.api().post("/api/v2/contact-details", Map.of("type", "email", "name", "Work",
                "value", "a@\u212Aelvin.example", "account_uuids", List.of(client)));
        assertThat(kelvin.status()).as(kelvin.raw()).isEqualTo(422);
        assertThat(kelvin.body().path("errors").path("value").get(0).asText())
                .isEqualTo("The value field must be a valid email address.");

        Api.Response decomposed = firm.api().post("/api/v2/contact-details", Map.of("type", "email", "name", "Work",
                "value", "Zoe\u0301@example.com", "account_uuids", List.of(client)));
        assertThat(decomposed.status()).as(decomposed.raw()).isEqualTo(201);
        assertThat(decomposed.text("value")).isEqualTo("Zo\u00e9@example.com");
    }
}
