package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import io.contactdetails.query.infrastructure.ReadStore;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator's tools read: the Prometheus scrape, and the probes an orchestrator routes traffic by
 * (readiness OUT_OF_SERVICE, a 503, while the read models are rebuilt). And that those tools stay off the path of
 * the work they watch: Axon's handler timeouts, and Actuator's endpoints in an API request's lookup.
 */
class OperabilityTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static StandaloneService service;
    private static Tenants tenants;

    /** Holds a replay at its first event for as long as a test keeps the gate shut; lets everything else through. */
    @Component
    @ProcessingGroup(ReadStore.PROCESSING_GROUP)
    static class ReplayGate {
        private volatile CountDownLatch gate = new CountDownLatch(0);

        void shut() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        @EventHandler
        void on(Object event, ReplayStatus status) throws InterruptedException {
            if (status.isReplay() && !gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never opened the replay gate");
            }
        }
    }

    /** Notes whether a read-model handler call ran inside Axon's handler timeouts (they capture the stack each call). */
    @Component
    @ProcessingGroup(ReadStore.PROCESSING_GROUP)
    static class HandlerStacks {
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger timed = new AtomicInteger();

        @EventHandler
        void on(Object event) {
            calls.incrementAndGet();
            if (StackWalker.getInstance().walk(frames -> frames.anyMatch(frame ->
                    frame.getClassName().startsWith("org.axonframework.messaging.timeout.")))) {
                timed.incrementAndGet();
            }
        }
    }

    /** Counts the requests that reach Actuator's endpoint mappings (order -100) with no handler found for them yet. */
    @Component
    static class BeforeActuator implements HandlerMapping, Ordered {
        private final AtomicInteger asked = new AtomicInteger();

        @Override
        public HandlerExecutionChain getHandler(HttpServletRequest request) {
            asked.incrementAndGet();
            return null;
        }

        @Override
        public int getOrder() {
            return -101;
        }
    }

    @BeforeAll
    static void start() {
        service = StandaloneService.start(List.of(ReplayGate.class, HandlerStacks.class, BeforeActuator.class),
                RunningService.arguments(RunningService.newDataDirectory()));
        tenants = new Tenants(service.port());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String readiness() throws IOException, InterruptedException {
        return Api.JSON.readTree(get("/actuator/health/readiness", null).body()).path("status").asText();
    }

    /**
     * Axon 4.13 times every handler call and unit of work by default, and each timing captures the thread's
     * stack: 12 % of a create's CPU in the service (BENCHMARKS.md). Nothing here relies on being interrupted.
     */
    @Test
    void handlersRunWithoutAxonsTimeoutsWhichCaptureTheStackOnEveryCall() {
        HandlerStacks stacks = service.context().getBean(HandlerStacks.class);
        tenants.newFirm("Handled untimed");

        await().atMost(Duration.ofSeconds(10)).until(() -> stacks.calls.get() > 0);
        assertThat(stacks.timed.get()).isZero();
    }

    @Test
    void anApiRequestFindsItsRouteBeforeActuatorsEndpointsAreAsked() throws Exception {
        AtomicInteger asked = service.context().getBean(BeforeActuator.class).asked;
        Tenants.Firm firm = tenants.newFirm("Routed first");
        String client = firm.newClient("Gareth", "Thompson");
        int before = asked.get();
        for (int i = 0; i < 3; i++) {
            assertThat(firm.api().get("/api/v2/accounts/" + client).status()).isEqualTo(200);
        }
        assertThat(firm.api().post("/api/v2/contact-details", Bodies.seed(List.of(client))).status()).isEqualTo(201);
        assertThat(asked.get()).isEqualTo(before);

        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(asked.get()).isEqualTo(before + 1);
    }

    @Test
    void prometheusScrapesTheServiceMetricsWithAnOperatorToken() throws Exception {
        Tenants.Firm firm = tenants.newFirm("Scraped");
        String client = firm.newClient("Gareth", "Thompson");
        assertThat(firm.api().post("/api/v2/contact-details", Bodies.seed(List.of(client))).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> firm.api().get("/api/v2/accounts/" + client).body()
                .path("primary_phone_number").has("uuid"));

        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", tenants.tokenFor(firm.employee())).statusCode()).isEqualTo(403);
        HttpResponse<String> scrape = get("/actuator/prometheus", tenants.adminToken());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(scrape.body()).contains(
                "http_server_requests_seconds_bucket{",
                "uri=\"/api/v2/contact-details\"",
                "commandBus_successTimer_seconds_count{payloadType=\"CreateContactDetail\"}",
                "eventStore_ingestedCounter_total",
                "eventProcessor_latency{processorName=\"read-models\"}",
                "contact_details_projection_lag_seconds_count",
                "contact_details_processor_events_behind{processor=\"read-models\"}",
                "contact_details_replay_events_done",
                "contact_details_replay_events_to_replay",
                "contact_details_replay_running");
        // a request is timed once, as a whole; Spring Security's per-filter observations cost a read more than it
        assertThat(scrape.body()).doesNotContain("spring_security_");
        // of Axon's meters on every message, only the documented ones: the rest cost the projection 7 % of its thread
        assertThat(scrape.body()).doesNotContain("eventProcessor_capacity", "eventProcessor_successTimer",
                "eventProcessor_ingestedCounter", "eventStore_successTimer", "commandBus_capacity");
        assertThat(scrape.body()).contains("commandBus_failureTimer_seconds", "commandBus_ingestedCounter_total",
                "commandBus_successCounter_total", "commandBus_failureCounter_total");
        double latencyMillis = scrape.body().lines().filter(line -> line.startsWith("eventProcessor_latency{"))
                .filter(line -> line.contains("processorName=\"read-models\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
        assertThat(latencyMillis).as("the last projected event's latency, ms").isBetween(0.0, 10_000.0);
    }

    @Test
    void readinessIsOutOfServiceWhileAReplayRebuildsTheReadModelsAndLivenessStaysUp() throws Exception {
        tenants.newFirm("Replayed while watched");
        Api operator = tenants.anonymous().as(tenants.adminToken(), null);
        assertThat(readiness()).isEqualTo("UP");
        ReplayGate gate = service.context().getBean(ReplayGate.class);
        gate.shut();
        try {
            assertThat(operator.post("/api/v2/operations/replay", "{}").status()).isEqualTo(202);

            assertThat(readiness()).isEqualTo("OUT_OF_SERVICE");
            assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
            assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
            assertThat(get("/actuator/prometheus", tenants.adminToken()).body()).contains("contact_details_replay_running 1.0");
        } finally {
            gate.open();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> operator.get("/api/v2/operations/replay").text("state").equals("done"));
        await().atMost(Duration.ofSeconds(5)).until(() -> readiness().equals("UP"));
        assertThat(get("/actuator/prometheus", tenants.adminToken()).body()).contains("contact_details_replay_running 0.0");
    }
}
