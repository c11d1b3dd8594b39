package io.contactdetails.http;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's handler is looked up once, by the dispatcher: the security chain matches its routes by path pattern
 * and needs no lookup of its own ahead of it. Counted by a handler mapping placed first that finds nothing, which
 * every lookup asks before the real mappings.
 */
@SpringBootTest(classes = {ErrorShapesTest.Application.class, HandlerLookupTest.CountingLookups.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "contact-details.jwt.secret=" + ErrorShapesTest.SECRET)
class HandlerLookupTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    CountingLookups.Counter lookups;

    @Configuration(proxyBeanMethods = false)
    static class CountingLookups {
        static final class Counter implements HandlerMapping, Ordered {
            final AtomicInteger count = new AtomicInteger();

            @Override
            public HandlerExecutionChain getHandler(HttpServletRequest request) {
                count.incrementAndGet();
                return null;
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }
        }

        @Bean
        Counter countingHandlerMapping() {
            return new Counter();
        }
    }

    @BeforeEach
    void startCounting() {
        lookups.count.set(0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ErrorShapesTest.token(List.of(ErrorShapesTest.EMPLOYEE.toString())))
                .header("X-PLANNR-ACCOUNT-UUID", ErrorShapesTest.EMPLOYEE.toString())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAuthorizedReadLooksUpItsHandlerOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/things").statusCode()).isEqualTo(200);
        }
        assertThat(lookups.count.get()).isEqualTo(3);
    }

    @Test
    void aRouteLeftOpenToAnyoneLooksUpItsHandlerOnce() throws Exception {
        HttpResponse<String> docs = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(lookups.count.get()).isEqualTo(1);
    }
}
