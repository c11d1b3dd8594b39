package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone jar trusts no proxy unless told to: a client cannot choose the address its events are filed
 * under by sending X-Forwarded-For, and the audit trail shows the address and user agent it was filed under.
 */
class ClientAddressTest {
    private final RunningService service = RunningService.shared();

    private Api.Response post(Api api, String requestId, String forwardedFor, Object body) throws Exception {
        return api.send(api.builder("/api/v2/contact-details")
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .header("User-Agent", "forwarding-test/2.0")
                .header("X-Forwarded-For", forwardedFor)
                .header("X-Real-IP", forwardedFor)
                .header("Forwarded", "for=" + forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
    }

    @Test
    void forwardedHeadersFromAPeerNobodyTrustsAreIgnored() throws Exception {
        Tenants.Firm firm = service.newFirm("Forwarded");
        String client = firm.newClient("Forwarded", "For");
        int n = 0;
        for (String forged : List.of("203.0.113.66", "<script>x</script>")) {
            String requestId = "req-forwarded-" + n;
            Api.Response created = post(firm.api(), requestId, forged, Map.of("type", "email", "name", "Email",
                    "value", "forwarded" + n++ + "@example.com", "is_primary", true, "account_uuids", List.of(client)));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            List<String> addresses = service.jdbc().queryForList("""
                    SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'client_address' FROM domainevententry
                     WHERE convert_from(metadata, 'UTF8')::jsonb ->> 'request_id' = ?""", String.class, requestId);
            assertThat(addresses).isNotEmpty().containsOnly("127.0.0.1");

            JsonNode history = firm.api().get("/api/v2/contact-details/" + created.text("uuid") + "/history").body();
            JsonNode first = history.path("data").get(0);
            assertThat(first.path("request_id").asText()).isEqualTo(requestId);
            assertThat(first.path("client_address").asText()).isEqualTo("127.0.0.1");
            assertThat(first.path("user_agent").asText()).isEqualTo("forwarding-test/2.0");
        }
    }
}
