package io.contactdetails.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy the service is told to trust (here: anything on 127.0.0.1), the client address comes from
 * X-Forwarded-For; what the proxy forwards must still be an IP address to be recorded. Links are built on the
 * configured public base URL, whatever host the proxy forwards.
 */
@SpringBootTest(classes = ErrorShapesTest.Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"contact-details.jwt.secret=" + ErrorShapesTest.SECRET, "server.forward-headers-strategy=native",
                "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1",
                "contact-details.public-base-url=https://api.example.com/"})
class BehindAProxyTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private HttpResponse<String> forwardedFor(String address) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things/origin"))
                .header("Authorization", "Bearer " + ErrorShapesTest.token(List.of(ErrorShapesTest.EMPLOYEE.toString())))
                .header("X-PLANNR-ACCOUNT-UUID", ErrorShapesTest.EMPLOYEE.toString())
                .header("X-Forwarded-For", address)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAddressATrustedProxyForwardsIsTheClients() throws Exception {
        assertThat(JSON.readTree(forwardedFor("203.0.113.66").body()).path("client_address").asText()).isEqualTo("203.0.113.66");
        assertThat(JSON.readTree(forwardedFor("2001:db8::66").body()).path("client_address").asText()).isEqualTo("2001:db8::66");
    }

    @Test
    void whatIsNotAnAddressIsRefusedRatherThanRecorded() throws Exception {
        for (String forged : List.of("<script>x</script>", "evil.example", "203.0.113.666", "unknown")) {
            HttpResponse<String> response = forwardedFor(forged);
            assertThat(response.statusCode()).as(forged).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo("The client address is not an IP address.");
        }
    }

    @Test
    void pageLinksAreBuiltOnThePublicBaseUrlNotOnTheForwardedHost() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things/page?per_page=1"))
                .header("Authorization", "Bearer " + ErrorShapesTest.token(List.of(ErrorShapesTest.EMPLOYEE.toString())))
                .header("X-PLANNR-ACCOUNT-UUID", ErrorShapesTest.EMPLOYEE.toString())
                .header("X-Forwarded-Host", "evil.example")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).doesNotContain("evil.example");
        assertThat(JSON.readTree(page.body()).path("links").path("next").asText())
                .isEqualTo("https://api.example.com/things/page?page=2&per_page=1");
    }
}
