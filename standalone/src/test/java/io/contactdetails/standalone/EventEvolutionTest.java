package io.contactdetails.standalone;

import io.contactdetails.command.account.model.Account;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Snapshots and upcasting against the real event store: what operators rely on as history grows and changes. */
class EventEvolutionTest {
    private static final int SNAPSHOT_EVERY = 3;
    private static StandaloneService service;
    private static Api adviser;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        String[] defaults = RunningService.arguments(RunningService.newDataDirectory());
        String[] args = java.util.Arrays.copyOf(defaults, defaults.length + 1);
        args[defaults.length] = "--contact-details.snapshot.account-threshold=" + SNAPSHOT_EVERY;
        service = StandaloneService.start(args);
        jdbc = service.context().getBean(JdbcTemplate.class);
        adviser = new Tenants(service.port()).newFirm("Evolving").api();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String clientWithEmails(int emails) {
        String client = adviser.post("/api/v2/accounts", Map.of("first_name", "Snap", "last_name", "Shot")).text("uuid");
        for (int i = 0; i < emails; i++) {
            Api.Response created = adviser.post("/api/v2/contact-details", Map.of("type", "email", "name", "Email " + i,
                    "value", "e" + i + "@example.com", "is_primary", i % 2 == 0, "account_uuids", List.of(client)));
            assertThat(created.status()).isEqualTo(201);
        }
        return client;
    }

    /** Sourced from the store, its snapshot if it has one and the events after it: not the service's kept account. */
    private static String loadAndSerialize(String accountId) throws Exception {
        Repository<Account> fromTheStore = EventSourcingRepository.builder(Account.class)
                .eventStore(service.context().getBean(org.axonframework.eventsourcing.eventstore.EventStore.class))
                .build();
        Serializer serializer = service.context().getBean("serializer", Serializer.class);
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> fromTheStore.load(accountId)
                        .invoke(account -> serializer.serialize(account, String.class).getData()))
                .getPayload();
    }

    @Test
    void anAccountLoadedFromASnapshotEqualsOneLoadedFromAllItsEvents() throws Exception {
        String client = clientWithEmails(6);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?", Long.class, client) > 0);
        List<? extends DomainEventMessage<?>> fromSnapshot = service.context()
                .getBean(org.axonframework.eventsourcing.eventstore.EventStore.class).readEvents(client).asStream().toList();
        assertThat(fromSnapshot.get(0).getPayload()).isInstanceOf(Account.class);

        String loadedFromSnapshot = loadAndSerialize(client);
        jdbc.update("DELETE FROM snapshotevententry WHERE aggregateidentifier = ?", client);
        String loadedFromEvents = loadAndSerialize(client);

        assertThat(loadedFromSnapshot).isEqualTo(loadedFromEvents);
        assertThat(loadedFromEvents).contains("e5@example.com");
    }

    @Test
    void anEventStoredInTheOlderRevisionIsReadUpcast() {
        String client = clientWithEmails(1);
        // Rewrite the stored PrimaryAssigned as the service wrote it before revision 1: no revision, no reason.
        int rewritten = jdbc.update("""
                UPDATE domainevententry
                   SET payloadrevision = NULL,
                       payload = convert_to((convert_from(payload, 'UTF8')::jsonb - 'reason')::text, 'UTF8')
                 WHERE aggregateidentifier = ? AND payloadtype = ?""", client, PrimaryAssigned.class.getName());
        assertThat(rewritten).isEqualTo(1);

        List<PrimaryAssigned> assigned = service.context()
                .getBean(org.axonframework.eventsourcing.eventstore.EventStore.class).readEvents(client, 0).asStream()
                .map(DomainEventMessage::getPayload).filter(PrimaryAssigned.class::isInstance).map(PrimaryAssigned.class::cast)
                .toList();
        assertThat(assigned).singleElement().extracting(PrimaryAssigned::reason).isEqualTo(PrimaryReason.NOT_RECORDED);

        Api.Response change = adviser.post("/api/v2/contact-details", Map.of("type", "email", "name", "New",
                "value", "after-upcast@example.com", "is_primary", true, "account_uuids", List.of(client)));
        assertThat(change.status()).isEqualTo(201);
        assertThat(change.body().path("accounts").get(0).path("email").asText()).isEqualTo("after-upcast@example.com");
    }
}
