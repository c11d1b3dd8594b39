package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A client of the running service over real HTTP, acting as one login and one account. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, JsonNode body, String raw, HttpResponse<String> http) {
        String text(String field) {
            return body.path(field).asText();
        }
    }

    private final int port;
    private final String token;
    private final String actingAccount;

    Api(int port, String token, String actingAccount) {
        this.port = port;
        this.token = token;
        this.actingAccount = actingAccount;
    }

    static Api anonymous(int port) {
        return new Api(port, null, null);
    }

    Api as(String token, String actingAccount) {
        return new Api(port, token, actingAccount);
    }

    Response get(String path) {
        return send(builder(path).GET());
    }

    Response post(String path, Object body) {
        try {
            String json = body instanceof String raw ? raw : JSON.writeValueAsString(body);
            return send(builder(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() ? JSON.nullNode() : JSON.readTree(raw);
            return new Response(response.statusCode(), body, raw, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (actingAccount != null) {
            builder.header("X-PLANNR-ACCOUNT-UUID", actingAccount);
        }
        return builder;
    }

    static List<String> list(String... values) {
        return List.of(values);
    }
}
