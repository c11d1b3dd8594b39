package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crash an operator fears: the service's JVM killed with SIGKILL while four clients write. It must start again
 * on the same data directory at the first try, and its read models must converge on the events by themselves:
 * every acknowledged contact detail readable, every account's primaries those the events say, and
 * {@code replay --verify} finding no difference.
 */
class CrashRecoveryTest {
    private static final int CYCLES = 3;
    private static final int WRITERS = 4;
    private static final int CLIENTS = 8;
    /** Acknowledged writes per cycle before the kill: enough for the read side to be busy when it dies. */
    private static final int WRITES_BEFORE_KILL = 120;
    private static final int MAX_WRITES_PER_WRITER = 400;
    private static final Duration CONVERGENCE = Duration.ofSeconds(30);

    private static final List<ServiceJvm> started = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    @AfterAll
    static void stopEverythingStarted() throws InterruptedException {
        for (ServiceJvm service : started) {
            service.close();
        }
    }

    @Test
    void theReadModelsConvergeOnTheEventsAfterEveryKillMinus9UnderWriteLoad() throws Exception {
        Path dataDirectory = RunningService.newDataDirectory();
        Path log = Path.of(dataDirectory + ".log");
        ServiceJvm service = start(dataDirectory, log);
        Tenants tenants = service.tenants();
        Tenants.Firm firm = tenants.newFirm("Crash");
        String employee = firm.employee();
        String token = tenants.tokenFor(employee);
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(firm.newClient("Client", "No " + i));
        }

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            Api api = service.api().as(token, employee);
            int before = acknowledged.size();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Thread writer = new Thread(() -> write(api, clients, acknowledged, stop), "writer-" + w);
                writer.start();
                writers.add(writer);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() - before >= WRITES_BEFORE_KILL
                    || writers.stream().noneMatch(Thread::isAlive));
            service.kill9();
            stop.set(true);
            for (Thread writer : writers) {
                writer.join(Duration.ofSeconds(35).toMillis());
            }

            long killed = System.nanoTime();
            service = start(dataDirectory, log);
            assertConverged(service.api().as(token, employee), acknowledged, clients, cycle);
            System.out.printf("cycle %d: %d details acknowledged so far, %d in this cycle; restarted and converged %d ms after the kill%n",
                    cycle, acknowledged.size(), acknowledged.size() - before, (System.nanoTime() - killed) / 1_000_000);
        }

        assertThat(service.terminate(Duration.ofSeconds(30))).as("the service stops on SIGTERM").isPresent();
        assertThat(ServiceJvm.replayVerify(dataDirectory, log)).as("replay --verify exit code, see " + log).isZero();
    }

    private static ServiceJvm start(Path dataDirectory, Path log) {
        ServiceJvm service = ServiceJvm.start(dataDirectory, log);
        started.add(service);
        return service;
    }

    /** POSTs contact details until stopped, bounded in count; ends at the first failed connection (the kill). */
    private void write(Api api, List<String> clients, Set<String> acknowledged, AtomicBoolean stop) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < MAX_WRITES_PER_WRITER && !stop.get(); i++) {
            int n = sequence.incrementAndGet();
            String first = clients.get(random.nextInt(clients.size()));
            String second = clients.get(random.nextInt(clients.size()));
            Map<String, Object> body = new LinkedHashMap<>();
            boolean email = n % 2 == 0;
            body.put("type", email ? "email" : "phone_number");
            body.put("name", "Detail " + n);
            body.put("value", email ? "crash" + n + "@example.com" : String.format("+44207%07d", n));
            body.put("account_uuids", first.equals(second) ? List.of(first) : List.of(first, second));
            body.put("is_primary", random.nextInt(3) == 0);
            try {
                Api.Response response = api.post("/api/v2/contact-details", body);
                if (response.status() == 201) {
                    acknowledged.add(response.text("uuid"));
                }
            } catch (UncheckedIOException killed) {
                return;
            }
        }
    }

    private static void assertConverged(Api api, Set<String> acknowledged, List<String> clients, int cycle) {
        Set<String> unread = ConcurrentHashMap.newKeySet();
        unread.addAll(acknowledged);
        await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            unread.removeIf(uuid -> api.get("/api/v2/contact-details/" + uuid).status() == 200);
            assertThat(unread).as("acknowledged contact details still not readable after cycle %d (of %d)", cycle,
                    acknowledged.size()).isEmpty();
            String now = Instant.now().toString();
            for (String client : clients) {
                Api.Response live = api.get("/api/v2/accounts/" + client);
                Api.Response events = api.get("/api/v2/accounts/" + client + "?as_of=" + now);
                assertThat(List.of(live.status(), events.status())).as(live.raw() + events.raw()).containsOnly(200);
                assertThat(primaries(live.body())).as("primaries of %s after cycle %d", client, cycle)
                        .isEqualTo(primaries(events.body()));
            }
        });
    }

    private static List<String> primaries(JsonNode account) {
        return List.of(account.path("primary_email").path("uuid").asText("none"),
                account.path("primary_phone_number").path("uuid").asText("none"));
    }
}
