package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.ApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The published contract: a valid OpenAPI 3.1 document naming every route the service answers, and its console. */
class ApiDocumentationTest {
    private final RunningService service = RunningService.shared();

    private JsonNode document() {
        Api.Response published = service.api().get(ApiContract.DOCUMENT_PATH);
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        return published.body();
    }

    @Test
    void theDocumentIsOpenApi31AndValidAgainstTheOfficialSchema() throws Exception {
        Api.Response published = service.api().get(ApiContract.DOCUMENT_PATH);

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.text("openapi")).startsWith("3.1.");
        assertThat(ApiContract.schemaErrors(published.raw())).isEmpty();
    }

    @Test
    void everyRouteOfBothSidesIsDocumentedWithItsMethod() {
        Set<String> served = new TreeSet<>();
        Map<RequestMappingInfo, HandlerMethod> handlers = service.service.context()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods();
        handlers.keySet().forEach(info -> info.getPatternValues().stream().filter(path -> path.startsWith("/api/"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method.name() + " " + path))));
        Set<String> documented = new TreeSet<>();
        document().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(served).hasSizeGreaterThanOrEqualTo(12);
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void everyOperationSaysHowItIsCalledAndHowItRefuses() {
        JsonNode document = document();
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearer")).isTrue();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String route = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode operation = entry.getValue();
            // a name a client generator and the console's links can keep, not springdoc's create_1
            assertThat(operation.path("operationId").asText()).as(route).matches("[a-z][A-Za-z]+");
            Set<String> headers = new TreeSet<>();
            operation.path("parameters").forEach(parameter -> {
                if (parameter.path("in").asText().equals("header")) {
                    headers.add(parameter.path("name").asText());
                }
            });
            boolean operator = route.equals("POST /api/v2/firms") || path.getKey().startsWith("/api/v2/operations/");
            assertThat(headers.contains("X-PLANNR-ACCOUNT-UUID")).as(route).isEqualTo(!operator);
            if (!route.startsWith("GET")) {
                assertThat(headers).as(route).contains("Idempotency-Key");
            }
            if (route.startsWith("PUT") || route.startsWith("DELETE")) {
                assertThat(headers).as(route).contains("If-Match");
                assertThat(operation.path("responses").has("412")).as(route).isTrue();
            }
            for (String status : new String[]{"400", "401", "403", "406", "429"}) {
                assertThat(operation.at("/responses/" + status + "/content/application~1json/schema/$ref").asText())
                        .as(route + " " + status).isEqualTo("#/components/schemas/ApiError");
            }
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2") && !response.getKey().equals("204")) {
                    assertThat(response.getValue().at("/content/application~1json/schema").isMissingNode())
                            .as(route + " " + response.getKey()).isFalse();
                }
            });
        }));
    }

    @Test
    void theSeedIsTheExampleOfTheContactDetailRequestAndItsAnswer() {
        JsonNode create = document().at("/paths/~1api~1v2~1contact-details/post");

        JsonNode seed = create.at("/requestBody/content/application~1json/examples/seed/value");
        assertThat(seed.path("value").asText()).isEqualTo("+443330903630");
        assertThat(seed.path("name").asText()).isEqualTo("Work phone number");
        assertThat(create.at("/responses/201/content/application~1json/examples/seed/value/phone_number_meta/formatted")
                .asText()).isEqualTo("0333 090 3630");
        assertThat(create.at("/responses/422/content/application~1json/examples/seed as published/value/errors")
                .has("primary_account_uuids.0")).isTrue();
    }

    @Test
    void swaggerUiLoadsWithoutAToken() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.service.port() + "/swagger-ui/index.html"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        Api.Response config = service.api().get("/v3/api-docs/swagger-config");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.text("url")).isEqualTo(ApiContract.DOCUMENT_PATH);
    }
}
