package io.contactdetails.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each token subject gets its own allowance per minute, told on every answer, and a 429 once it is spent. */
@SpringBootTest(classes = {ErrorShapesTest.Application.class, RateLimitTest.Metrics.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"contact-details.jwt.secret=" + ErrorShapesTest.SECRET, "contact-details.rate-limit.per-minute=3"})
class RateLimitTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @TestConfiguration
    static class Metrics {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private HttpResponse<String> getAs(String subject) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things"))
                .header("Authorization", "Bearer " + ErrorShapesTest.token(subject, List.of(ErrorShapesTest.EMPLOYEE.toString())))
                .header("X-PLANNR-ACCOUNT-UUID", ErrorShapesTest.EMPLOYEE.toString())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSubjectGetsThreeAMinuteHereThenWaits() throws Exception {
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> allowed = getAs("busy");
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("X-RateLimit-Limit")).contains("3");
            assertThat(allowed.headers().firstValue("X-RateLimit-Remaining")).contains(Integer.toString(remaining));
        }
        HttpResponse<String> refused = getAs("busy");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(refused.body()).path("message").asText()).isEqualTo("Too Many Attempts.");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(refused.headers().firstValue("Retry-After").map(Integer::parseInt))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1, 60));
        assertThat(meters.counter("contact_details.rate_limit.rejections").count()).isEqualTo(1.0);

        HttpResponse<String> someoneElse = getAs("idle");
        assertThat(someoneElse.statusCode()).isEqualTo(200);
        assertThat(someoneElse.headers().firstValue("X-RateLimit-Remaining")).contains("2");
    }
}
