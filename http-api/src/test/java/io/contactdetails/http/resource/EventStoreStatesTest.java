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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The latest states kept between writes: each is brought up to date from its last event, and kept only once the
 * transaction it was folded in commits (one that rolled back would name events the store never kept). A write's
 * answer folds the write's own events onto the kept state they follow, without reading the stream.
 */
class EventStoreStatesTest {
    private final AccountId client = AccountId.random();
    private final String uuid = client.toString();
    /** The client's stream as the store holds it now: a test appends to it, or takes back what rolled back. */
    private final List<DomainEventMessage<?>> stream = new ArrayList<>();
    /** Where each read of the stream started. */
    private final List<Long> readsFrom = new ArrayList<>();
    private final EventStore eventStore = mock(EventStore.class);
    /** What waits for the current transaction to commit: run on commit, dropped on rollback. */
    private final List<Runnable> onCommit = new ArrayList<>();
    private final EventStoreStates states = EventStoreStates.latest(StreamReads.oneByOne(eventStore), 10, Runnable::run);
    /** The same, folding inside transactions that commit or roll back as a test says (see onCommit). */
    private final EventStoreStates inTransactions = EventStoreStates.latest(StreamReads.oneByOne(eventStore), 10, onCommit::add);

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
        assertThat(readsFrom).containsExactly(1L, 3L);
    }

    @Test
    void aStateFoldedInATransactionThatRollsBackIsNotKept() {
        foldInATransactionThatRollsBack();
        readsFrom.clear();

        assertThat(inTransactions.account(uuid)).get().extracting(AccountState::primaryEmailUuid).isNull();
        assertThat(readsFrom).containsExactly(0L);
    }

    @Test
    void aWritesOwnEventsAreFoldedOntoTheKeptStateTheyFollowWithoutAReadOfTheStream() {
        states.account(uuid);
        ContactDetailId detail = ContactDetailId.random();
        List<DomainEventMessage<?>> written = attachAsPrimary(detail, "written@example.com");
        readsFrom.clear();

        assertThat(states.after(written).account(uuid)).get().satisfies(account -> {
            assertThat(account.primaryEmailUuid()).isEqualTo(detail.toString());
            assertThat(account.version()).isEqualTo(2L);
        });
        assertThat(readsFrom).isEmpty();
        assertThat(states.account(uuid)).get().extracting(AccountState::version).isEqualTo(2L);
        assertThat(readsFrom).as("kept: read from after its last event").containsExactly(3L);
    }

    @Test
    void aStreamTheWriteBeganIsFoldedFromItsEventsWithoutARead() {
        List<DomainEventMessage<?>> written = List.copyOf(stream);

        assertThat(states.after(written).account(uuid)).get().extracting(AccountState::lastName).isEqualTo("Thompson");
        assertThat(readsFrom).isEmpty();
    }

    @Test
    void aWritesEventsThatDoNotFollowTheKeptStateAreReadWithWhatCameBetween() {
        states.account(uuid);
        ContactDetailId another = ContactDetailId.random();
        attachAsPrimary(another, "another-writer@example.com");
        List<DomainEventMessage<?>> written = List.of(append(new ContactDetailAttached(client, ContactDetailId.random(),
                ContactType.EMAIL, "Work", "written@example.com", null)));
        readsFrom.clear();

        assertThat(states.after(written).account(uuid)).get().satisfies(account -> {
            assertThat(account.primaryEmailUuid()).isEqualTo(another.toString());
            assertThat(account.version()).isEqualTo(3L);
        });
        assertThat(readsFrom).as("from after the kept state").containsExactly(1L);
    }

    @Test
    void aStateFoldedInATransactionIsKeptOnlyOnceItCommits() {
        foldInATransactionThatRollsBack();
        ContactDetailId another = ContactDetailId.random();
        attachAsPrimary(another, "another-writer@example.com");
        List<DomainEventMessage<?>> written = List.of(append(new ContactDetailAttached(client, ContactDetailId.random(),
                ContactType.EMAIL, "Work", "written@example.com", null)));
        readsFrom.clear();

        assertThat(inTransactions.after(written).account(uuid)).get()
                .as("not folded onto the rolled-back state, which the write's events would follow by number")
                .satisfies(account -> {
                    assertThat(account.primaryEmailUuid()).isEqualTo(another.toString());
                    assertThat(account.version()).isEqualTo(3L);
                });
        assertThat(readsFrom).containsExactly(0L);
        onCommit.forEach(Runnable::run);
        readsFrom.clear();
        assertThat(inTransactions.account(uuid)).get().extracting(AccountState::version).isEqualTo(3L);
        assertThat(readsFrom).as("kept once committed").containsExactly(4L);
    }

    @Test
    void aStateCommittedAfterALaterOneDoesNotReplaceIt() {
        inTransactions.account(uuid);
        attachAsPrimary(ContactDetailId.random(), "later@example.com");
        inTransactions.account(uuid);
        onCommit.get(1).run();
        onCommit.get(0).run();
        readsFrom.clear();

        assertThat(inTransactions.account(uuid)).get().extracting(AccountState::version).isEqualTo(2L);
        assertThat(readsFrom).as("from after the later state").containsExactly(3L);
    }

    @Test
    void theStreamsAFoldMustReadAreReadTogetherEachFromAfterItsKeptState() {
        AccountId other = AccountId.random();
        List<DomainEventMessage<?>> othersStream = List.of(new GenericDomainEventMessage<>("Account", other.toString(), 0,
                new AccountCreated(other, FirmId.random(), AccountType.CLIENT, "Ada", "Lovelace")));
        List<Map<String, Long>> reads = new ArrayList<>();
        EventStoreStates together = EventStoreStates.latest(firsts -> {
            reads.add(Map.copyOf(firsts));
            Map<String, DomainEventStream> read = new HashMap<>();
            firsts.forEach((id, first) -> read.put(id, DomainEventStream.of((id.equals(uuid) ? stream : othersStream)
                    .stream().filter(event -> event.getSequenceNumber() >= first))));
            return read;
        }, 10, Runnable::run);
        together.accounts(List.of(uuid));
        attachAsPrimary(ContactDetailId.random(), "first@example.com");
        reads.clear();

        assertThat(together.accounts(List.of(uuid, other.toString(), uuid))).hasEntrySatisfying(uuid,
                account -> assertThat(account.version()).isEqualTo(2L)).containsKey(other.toString());
        assertThat(reads).containsExactly(Map.of(uuid, 1L, other.toString(), 0L));

        reads.clear();
        List<DomainEventMessage<?>> written = attachAsPrimary(ContactDetailId.random(), "second@example.com");
        assertThat(together.after(written).accounts(List.of(uuid))).hasEntrySatisfying(uuid,
                account -> assertThat(account.version()).isEqualTo(4L));
        assertThat(reads).as("the write's own events follow the kept state").isEmpty();
    }

    /** A primary attached and the account folded inside a transaction, then all of it rolled back. */
    private void foldInATransactionThatRollsBack() {
        attachAsPrimary(ContactDetailId.random(), "rolled-back@example.com");
        inTransactions.account(uuid);
        onCommit.clear();
        rollBackTo(0);
    }

    private List<DomainEventMessage<?>> attachAsPrimary(ContactDetailId detail, String address) {
        return List.of(append(new ContactDetailAttached(client, detail, ContactType.EMAIL, "Home", address, null)),
                append(new PrimaryAssigned(client, ContactType.EMAIL, detail, PrimaryReason.FIRST_OF_ITS_TYPE)));
    }

    private DomainEventMessage<?> append(Object event) {
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Account", uuid, stream.size(), event);
        stream.add(message);
        return message;
    }

    private void rollBackTo(long lastKept) {
        stream.removeIf(event -> event.getSequenceNumber() > lastKept);
    }
}
