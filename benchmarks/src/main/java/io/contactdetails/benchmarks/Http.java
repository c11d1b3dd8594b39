package io.contactdetails.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/** The service's API as the load uses it, acting as one employee of one firm. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, JsonNode body) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .executor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "http-client");
                thread.setDaemon(true);
                return thread;
            }))
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final String actingAccount;

    Http(int port, String token, String actingAccount) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
        this.actingAccount = actingAccount;
    }

    /** The same login, acting as the same account, on another process's port. */
    Http as(int port) {
        return new Http(port, token, actingAccount);
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Response post(String path, Object body) throws IOException, InterruptedException {
        return post(path, body, Map.of());
    }

    Response post(String path, Object body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path);
        headers.forEach(request::header);
        return send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        return actingAccount == null ? builder : builder.header("X-PLANNR-ACCOUNT-UUID", actingAccount);
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        return new Response(response.statusCode(), body.length == 0 ? JSON.nullNode() : JSON.readTree(body));
    }
}
