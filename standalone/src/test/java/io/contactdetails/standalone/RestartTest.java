package io.contactdetails.standalone;

import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Proves the event store is wired and durable: what was written before a restart is read and changed after it. */
class RestartTest {

    @Test
    void anAccountSurvivesARestartAndCanStillBeChanged() {
        Path dataDirectory = RunningService.newDataDirectory();
        String employee;
        String client;
        try (StandaloneService first = StandaloneService.start(RunningService.arguments(dataDirectory))) {
            Tenants.Firm firm = new Tenants(first.port()).newFirm("Durable");
            employee = firm.employee();
            Api adviser = firm.api();
            client = firm.newClient("Gareth", "Thompson");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(adviser.get("/api/v2/accounts/" + client).status()).isEqualTo(200));
        }

        try (StandaloneService second = StandaloneService.start(RunningService.arguments(dataDirectory))) {
            Tenants tenants = new Tenants(second.port());
            Api adviser = tenants.anonymous().as(tenants.tokenFor(employee), employee);
            Api.Response read = adviser.get("/api/v2/accounts/" + client);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.text("name")).isEqualTo("Gareth Thompson");

            // Deciding on the account needs its stream: the first email becomes primary only if none exists yet.
            Api.Response changed = adviser.post("/api/v2/contact-details", Map.of("type", "email", "name", "Home",
                    "value", "gareth@example.com", "account_uuids", List.of(client)));
            assertThat(changed.status()).isEqualTo(201);
            assertThat(changed.body().path("primary_accounts").get(0).path("uuid").asText()).isEqualTo(client);
            Long events = second.context().getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, client);
            assertThat(events).isEqualTo(3); // created, attached, primary assigned
        }
    }
}
