package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Bodies;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key and the events it stands for are one transaction, so a service killed with SIGKILL between a request
 * and its retry answers the retry from the key after restarting, and creates nothing twice.
 */
class IdempotencyCrashTest {

    private static Api.Response post(Api api, String key, Object body) throws Exception {
        return api.send(api.builder("/api/v2/contact-details").header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(Api.json(body)));
    }

    @Test
    void aRetryAfterAKillMinus9IsAnsweredFromTheKey() throws Exception {
        Path dataDirectory = RunningService.newDataDirectory();
        Path log = Path.of(dataDirectory + ".log");
        ServiceJvm service = ServiceJvm.start(dataDirectory, log);
        try {
            Tenants.Firm firm = service.tenants().newFirm("Killed between requests");
            String client = firm.newClient("Kill", "Nine");
            Api.Response first = post(firm.api(), "sync-1", Bodies.email("once@example.com", List.of(client), true));
            assertThat(first.status()).isEqualTo(201);

            service.kill9();
            service = ServiceJvm.start(dataDirectory, log);

            Api api = service.tenants().anonymous().as(service.tenants().tokenFor(firm.employee()), firm.employee());
            Api.Response retry = post(api, "sync-1", Bodies.email("once@example.com", List.of(client), true));
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.http().headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(retry.raw()).isEqualTo(first.raw());
            Api.Response fresh = post(api, "sync-2", Bodies.email("once@example.com", List.of(client), true));
            assertThat(fresh.status()).as("the value exists once: a second create would be refused").isEqualTo(422);
        } finally {
            service.close();
        }
    }
}
