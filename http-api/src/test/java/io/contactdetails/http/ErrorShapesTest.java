package io.contactdetails.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.contactdetails.http.error.FieldErrors;
import io.contactdetails.http.error.InvalidRequest;
import io.contactdetails.http.request.QueryParameters;
import io.contactdetails.http.resource.LaravelPage;
import io.contactdetails.http.resource.Resources;
import io.contactdetails.http.security.AccountLookup;
import io.contactdetails.http.security.Actor;
import io.contactdetails.kernel.account.AccountId;
import jakarta.servlet.http.HttpServletRequest;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.firm.FirmId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever side a process holds, having this module answers every refusal of a request in Laravel's shapes:
 * shown on an application with one route of each kind and nothing of either side.
 */
@SpringBootTest(classes = ErrorShapesTest.Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "contact-details.jwt.secret=" + ErrorShapesTest.SECRET)
class ErrorShapesTest {
    static final String SECRET = "error-shapes-test-secret-of-at-least-32-bytes";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The one account the application knows, an employee; tests of other settings act as it too. */
    static final AccountId EMPLOYEE = AccountId.random();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
        @Bean
        AccountLookup accounts() {
            return id -> id.equals(EMPLOYEE)
                    ? Optional.of(new AccountLookup.KnownAccount(id, FirmId.random(), AccountType.EMPLOYEE))
                    : Optional.empty();
        }

        @Bean
        Routes routes(Resources resources) {
            return new Routes(resources);
        }
    }

    @RestController
    static class Routes {
        private final Resources resources;

        Routes(Resources resources) {
            this.resources = resources;
        }

        @PostMapping("/things")
        Map<String, Object> create(@RequestBody JsonNode body, @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
            if (!body.has("name")) {
                throw new InvalidRequest(FieldErrors.of("name", "The name field is required."));
            }
            return Map.of("name", body.get("name").asText(), "by", actor.accountId().toString());
        }

        @GetMapping("/things")
        List<String> list() {
            return List.of();
        }

        @GetMapping("/things/page")
        LaravelPage<String> page(@RequestParam(name = "per_page", required = false) String perPage,
                                 HttpServletRequest request) {
            return resources.page(List.of("first"), QueryParameters.page(null, perPage), 3, request);
        }

        @GetMapping("/things/origin")
        Map<String, Object> origin(@RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
            return Map.of("client_address", actor.origin().clientAddress());
        }

        /** As many failures as asked for, one per field: what a long list of bad entries produces. */
        @PostMapping("/things/failures")
        Map<String, Object> failures(@RequestBody JsonNode body) {
            FieldErrors errors = new FieldErrors();
            for (int i = 0; i < body.path("count").asInt(); i++) {
                errors.add("items." + i, "Item " + i + " is invalid.");
            }
            throw new InvalidRequest(errors);
        }
    }

    static String token(List<String> accounts) throws Exception {
        return token("tester", accounts);
    }

    static String token(String subject, List<String> accounts) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(subject)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("accounts", accounts).build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, boolean asEmployee,
                                      String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", accept);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (asEmployee) {
            request.header("Authorization", "Bearer " + token(List.of(EMPLOYEE.toString())))
                    .header("X-PLANNR-ACCOUNT-UUID", EMPLOYEE.toString());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body, String contentType) throws Exception {
        return send("POST", "/things", contentType, body, true, "application/json");
    }

    private static void assertShape(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo(message);
    }

    @Test
    void aGoodRequestPasses() throws Exception {
        HttpResponse<String> response = post("{\"name\":\"n\"}", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void authenticationAndTheActingAccount() throws Exception {
        assertShape(send("GET", "/things", null, null, false, "application/json"), 401, "Unauthenticated.");
        HttpResponse<String> noAccount = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things"))
                .header("Authorization", "Bearer " + token(List.of(UUID.randomUUID().toString()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertShape(noAccount, 403, "This action is unauthorized.");
    }

    @Test
    void requestsThatCannotBeReadAreRefusedInTheApisShape() throws Exception {
        assertShape(post("{not json", "application/json"), 400, "The request body is not valid JSON.");
        assertShape(post("{\"name\":\"" + "x".repeat(70 * 1024) + "\"}", "application/json"), 413,
                "The request body is too large.");
        assertShape(post("name=n", "text/plain"), 415, "The request body must be application/json.");
        assertShape(send("POST", "/things", "application/json", "{\"name\":\"n\"}", true, "application/xml"), 406,
                "This endpoint answers in application/json.");
        HttpResponse<String> invalid = post("{}", "application/json");
        assertShape(invalid, 422, "The name field is required.");
        assertThat(JSON.readTree(invalid.body()).path("errors").path("name").get(0).asText())
                .isEqualTo("The name field is required.");
    }

    @Test
    void unknownRoutesAndMethodsAreToldApart() throws Exception {
        assertShape(send("GET", "/nothing-here", null, null, true, "application/json"), 404, "Not found.");
        HttpResponse<String> wrongMethod = send("DELETE", "/things", null, null, true, "application/json");
        assertShape(wrongMethod, 405, "The DELETE method is not supported for this route.");
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET, POST");
    }

    /** The API logs no one out (a token lives until it expires), and sends no one to a login page it does not have. */
    @Test
    void logoutIsNoRouteOfTheApi() throws Exception {
        for (String method : List.of("GET", "POST")) {
            assertShape(send(method, "/logout", null, null, false, "application/json"), 401, "Unauthenticated.");
            assertShape(send(method, "/logout", null, null, true, "application/json"), 404, "Not found.");
        }
    }

    private static void assertRawShape(RawHttp.Response response, int status, String message) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/json");
        assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo(message);
    }

    @Test
    void whatTheContainerRefusesBeforeAnyServletIsAnsweredInTheApisShape() throws Exception {
        assertRawShape(RawHttp.send(port, "GET /things HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(10_000)),
                400, "Bad request.");
        assertRawShape(RawHttp.send(port, "GET /things?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost"),
                400, "Bad request.");
        assertRawShape(RawHttp.send(port, "GET /things%2Fx HTTP/1.1\r\nHost: localhost"), 400, "Bad request.");
        assertRawShape(RawHttp.send(port, "GET /things%00 HTTP/1.1\r\nHost: localhost"), 400, "Bad request.");
    }

    @Test
    void whatTheFirewallRefusesIsAnsweredInTheApisShape() throws Exception {
        String auth = "Authorization: Bearer " + token(List.of(EMPLOYEE.toString()));
        assertRawShape(RawHttp.send(port, "GET //things HTTP/1.1\r\nHost: localhost\r\n" + auth), 400, "Bad request.");
        assertRawShape(RawHttp.send(port, "GET /things;x=1 HTTP/1.1\r\nHost: localhost\r\n" + auth), 400, "Bad request.");
        byte[] euroInHeader = ("GET /things HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\nX-PLANNR-ACCOUNT-UUID: ")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        byte[] head = java.util.Arrays.copyOf(euroInHeader, euroInHeader.length + euro.length);
        System.arraycopy(euro, 0, head, euroInHeader.length, euro.length);
        assertRawShape(RawHttp.send(port, head), 400, "Bad request.");
    }

    @Test
    void aTabInsideAHeaderValueIsLetThroughAsHttpAllowsIt() throws Exception {
        RawHttp.Response page = RawHttp.send(port, "GET /things/page?per_page=1 HTTP/1.1\r\nHost: localhost\r\n"
                + "User-Agent: curl/8\t(x)\r\nAuthorization: Bearer " + token(List.of(EMPLOYEE.toString()))
                + "\r\nX-PLANNR-ACCOUNT-UUID: " + EMPLOYEE);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
    }

    @Test
    void errorsAreJsonWhateverTheAcceptHeaderAsks() throws Exception {
        assertShape(send("GET", "/nothing-here", null, null, true, "application/xml"), 404, "Not found.");
        assertShape(send("POST", "/things", "application/json", "{}", true, "application/xml"), 422,
                "The name field is required.");
        assertShape(send("GET", "/things", null, null, false, "text/html"), 401, "Unauthenticated.");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() throws Exception {
        assertShape(send("GET", "/error", null, null, false, "application/json"), 404, "Not found.");
        assertShape(send("GET", "/error", null, null, true, "text/html"), 404, "Not found.");
    }

    @Test
    void validationReportsTheFirstHundredFailuresAndCountsTheRest() throws Exception {
        HttpResponse<String> response = send("POST", "/things/failures", "application/json", "{\"count\":150}", true,
                "application/json");
        assertShape(response, 422, "Item 0 is invalid. (and 149 more errors)");
        assertThat(JSON.readTree(response.body()).path("errors").size()).isEqualTo(100);
        assertThat(JSON.readTree(response.body()).path("errors").has("items.99")).isTrue();
    }

    @Test
    void pageLinksAreRelativeWhenNoPublicBaseUrlIsSetWhateverHostIsClaimed() throws Exception {
        RawHttp.Response page = RawHttp.send(port, "GET /things/page?per_page=1 HTTP/1.1\r\nHost: evil.example\r\n"
                + "X-Forwarded-Host: evil.example\r\nAuthorization: Bearer " + token(List.of(EMPLOYEE.toString()))
                + "\r\nX-PLANNR-ACCOUNT-UUID: " + EMPLOYEE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("evil.example");
        assertThat(JSON.readTree(page.body()).path("links").path("next").asText()).isEqualTo("/things/page?page=2&per_page=1");
    }
}
