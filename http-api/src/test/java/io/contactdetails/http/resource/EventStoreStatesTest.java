package io.contactdetails.http.resource;

import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The latest states kept between writes: each is brought up to date from its last event, and folded again
 * from the start when the store no longer holds that event (the transaction that appended it rolled back).
 */
class EventStoreStatesTest {
    private final AccountId client = AccountId.random();
    private final String uuid = client.toString();
    /** The client's stream as the store holds it now: a test appends to it, or takes back what rolled back. */
    private final List<DomainEventMessage<?>> stream = new ArrayList<>();
    /** Where each read of the stream started. */
    private final List<Long> readsFrom = new ArrayList<>();
    private final EventStore eventStore = mock(EventStore.class);
    private final EventStoreStates states = EventStoreStates.latest(eventStore, 10);

    @BeforeEach
    void aStoreHoldingTheClientsStream() {
        when(eventStore.readEvents(eq(uuid), anyLong())).thenAnswer(read -> {
            long first = read.getArgument(1);
            readsFrom.add(first);
            return DomainEventStream.of(stream.stream().filter(event -> event.getSequenceNumber() >= first));
        });
        append(new AccountCreated(client, FirmId.random(), AccountType.CLIENT, "Gareth", "Thompson"));
    }

    @Test
    void aKeptAccountIsBroughtUpToDateFromItsLastEvent() {
        states.account(uuid);
        ContactDetailId detail = ContactDetailId.random();
        attachAsPrimary(detail, "first@example.com");
        readsFrom.clear();

        assertThat(states.account(uuid)).get().extracting(AccountState::primaryEmailUuid).isEqualTo(detail.toString());
        assertThat(states.account(uuid)).get().extracting(AccountState::version).isEqualTo(2L);
        assertThat(readsFrom).containsExactly(0L, 2L);
    }

    @Test
    void aKeptAccountWhoseLastEventRolledBackIsFoldedAgain() {
        attachAsPrimary(ContactDetailId.random(), "rolled-back@example.com");
        states.account(uuid);
        rollBackTo(0);

        assertThat(states.account(uuid)).get().extracting(AccountState::primaryEmailUuid).isNull();
    }

    @Test
    void aKeptAccountWhoseLastEventWasReplacedByAnotherWritersIsFoldedAgain() {
        attachAsPrimary(ContactDetailId.random(), "rolled-back@example.com");
        states.account(uuid);
        rollBackTo(0);
        ContactDetailId written = ContactDetailId.random();
        attachAsPrimary(written, "written@example.com");

        assertThat(states.account(uuid)).get().extracting(AccountState::primaryEmailUuid)
                .isEqualTo(written.toString());
    }

    private void attachAsPrimary(ContactDetailId detail, String address) {
        append(new ContactDetailAttached(client, detail, ContactType.EMAIL, "Home", address, null));
        append(new PrimaryAssigned(client, ContactType.EMAIL, detail, PrimaryReason.FIRST_OF_ITS_TYPE));
    }

    private void append(Object event) {
        stream.add(new GenericDomainEventMessage<>("Account", uuid, stream.size(), event));
    }

    private void rollBackTo(long lastKept) {
        stream.removeIf(event -> event.getSequenceNumber() > lastKept);
    }
}
