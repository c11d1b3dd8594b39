package io.contactdetails.command.infrastructure;

import io.contactdetails.command.account.model.Account;
import io.contactdetails.command.account.model.OwnershipRefusal;
import io.contactdetails.command.account.model.PrimaryChoice;
import io.contactdetails.fixtures.Events;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailName;
import io.contactdetails.kernel.contactdetail.EmailAddress;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.common.DirectExecutor;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts kept in memory between commands, and snapshots taken of them, on one event store that another writer
 * (another command side) appends to as well.
 */
class StreamCheckedCachingRepositoryTest {
    private static final FirmId FIRM = FirmId.random();
    private static final ContactDetailName HOME = new ContactDetailName(Events.LABEL);

    private final AtomicInteger streamReads = new AtomicInteger();
    private final List<DomainEventMessage<?>> snapshots = new ArrayList<>();
    private final EventStore eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine() {
        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            streamReads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            streamReads.incrementAndGet();
            return super.readSnapshot(aggregateIdentifier);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            snapshots.add(snapshot);
            super.storeSnapshot(snapshot);
        }

        /** PostgreSQL answers this from the stream's index; here it is kept out of the count of stream reads. */
        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return super.readEvents(aggregateIdentifier, 0).asStream()
                    .map(DomainEventMessage::getSequenceNumber).max(Long::compare);
        }
    }).build();
    private final Repository<Account> accounts = StreamCheckedCachingRepository.of(
            EventSourcingRepository.builder(Account.class), eventStore, 10);
    private final Snapshotter snapshotter = RepositorySnapshotter.of(new RepositoryProvider() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
            return (Repository<T>) accounts;
        }
    }, eventStore, JacksonSerializer.builder().build(), NoTransactionManager.INSTANCE, DirectExecutor.INSTANCE);
    private final AccountId client = AccountId.random();

    @Test
    void anAccountWhoseStreamHasNothingNewerIsNotReadAgain() {
        append(Events.clientCreated(client, FIRM));
        attach(ContactDetailId.random(), "first@example.com");
        streamReads.set(0);

        Optional<OwnershipRefusal> refusal = attach(ContactDetailId.random(), "second@example.com");

        assertThat(refusal).isEmpty();
        assertThat(streamReads).hasValue(0);
    }

    @Test
    void anAccountAnotherWriterAppendedToSinceItWasKeptIsReadAgain() {
        append(Events.clientCreated(client, FIRM));
        ContactDetailId first = ContactDetailId.random();
        attach(first, "first@example.com");
        ContactDetailId elsewhere = ContactDetailId.random();
        append(Events.attachedEmail(client, elsewhere, "elsewhere@example.com"),
                Events.emailPrimaryReplaced(client, first), Events.emailPrimaryRequested(client, elsewhere));

        Optional<OwnershipRefusal> refusal = attach(ContactDetailId.random(), "elsewhere@example.com");

        assertThat(refusal).contains(OwnershipRefusal.SAME_VALUE_ALREADY_OWNED);
        assertThat(inUnitOfWork(() -> accounts.load(client.toString()).version())).isEqualTo(5L);
    }

    @Test
    void aKeptAccountIsSnapshotWithoutReadingItsEvents() {
        append(Events.clientCreated(client, FIRM));
        ContactDetailId first = ContactDetailId.random();
        attach(first, "first@example.com");
        attach(ContactDetailId.random(), "second@example.com");
        streamReads.set(0);

        snapshotter.scheduleSnapshot(Account.class, client.toString());

        assertThat(streamReads).hasValue(0);
        assertThat(snapshots).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.getAggregateIdentifier()).isEqualTo(client.toString());
            assertThat(snapshot.getType()).isEqualTo("Account");
            assertThat(snapshot.getSequenceNumber()).isEqualTo(3L);
            assertThat(((Account) snapshot.getPayload()).owns(first)).isTrue();
        });
    }

    @Test
    void aSnapshotHoldsWhatAnotherWriterAppendedSinceTheAccountWasKept() {
        append(Events.clientCreated(client, FIRM));
        ContactDetailId first = ContactDetailId.random();
        attach(first, "first@example.com");
        ContactDetailId elsewhere = ContactDetailId.random();
        append(Events.attachedEmail(client, elsewhere, "elsewhere@example.com"));

        snapshotter.scheduleSnapshot(Account.class, client.toString());

        assertThat(snapshots).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.getSequenceNumber()).isEqualTo(3L);
            Account account = (Account) snapshot.getPayload();
            assertThat(account.owns(first)).isTrue();
            assertThat(account.owns(elsewhere)).isTrue();
        });
    }

    @Test
    void aSnapshotIsACopyThatLaterCommandsLeaveAsItWas() {
        append(Events.clientCreated(client, FIRM));
        attach(ContactDetailId.random(), "first@example.com");
        snapshotter.scheduleSnapshot(Account.class, client.toString());

        ContactDetailId later = ContactDetailId.random();
        attach(later, "later@example.com");

        assertThat(snapshots).singleElement()
                .satisfies(snapshot -> assertThat(((Account) snapshot.getPayload()).owns(later)).isFalse());
    }

    @Test
    void anAccountWithOnlyItsFirstEventIsNotSnapshot() {
        append(Events.clientCreated(client, FIRM));

        snapshotter.scheduleSnapshot(Account.class, client.toString());

        assertThat(snapshots).isEmpty();
    }

    /**
     * A request sent with an Idempotency-Key commits its unit of work inside a transaction of its own; until that
     * commits, the kept account is ahead of the store (a snapshot taken then would find it so and read it again).
     */
    @Test
    void aWriteInARequestsTransactionIsSnapshotOnceThatCommits() {
        append(Events.clientCreated(client, FIRM));
        attach(ContactDetailId.random(), "first@example.com");

        TransactionSynchronizationManager.initSynchronization();
        try {
            attach(ContactDetailId.random(), "second@example.com");
            snapshotter.scheduleSnapshot(Account.class, client.toString());
            assertThat(snapshots).isEmpty();
            TransactionSynchronizationUtils.triggerAfterCommit();
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }

        assertThat(snapshots).singleElement().satisfies(snapshot -> assertThat(snapshot.getSequenceNumber()).isEqualTo(3L));
    }

    @Test
    void aWriteWhoseRequestsTransactionRollsBackIsNotSnapshot() {
        append(Events.clientCreated(client, FIRM));
        attach(ContactDetailId.random(), "first@example.com");

        TransactionSynchronizationManager.initSynchronization();
        try {
            snapshotter.scheduleSnapshot(Account.class, client.toString());
            TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }

        assertThat(snapshots).isEmpty();
    }

    private Optional<OwnershipRefusal> attach(ContactDetailId detail, String address) {
        return inUnitOfWork(() -> accounts.load(client.toString()).invoke((Function<Account, Optional<OwnershipRefusal>>)
                account -> account.attach(detail, FIRM, HOME, new EmailAddress(address), PrimaryChoice.PRIMARY_IF_NONE)));
    }

    /** What another command side appends to the client's stream, behind this repository's back. */
    private void append(Object... events) {
        long next = eventStore.lastSequenceNumberFor(client.toString()).map(last -> last + 1).orElse(0L);
        for (Object event : events) {
            eventStore.publish(new GenericDomainEventMessage<>("Account", client.toString(), next++, event));
        }
    }

    private static <R> R inUnitOfWork(java.util.concurrent.Callable<R> work) {
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            R result = unitOfWork.executeWithResult(work).getPayload();
            if (unitOfWork.getExecutionResult().isExceptionResult()) {
                throw new AssertionError(unitOfWork.getExecutionResult().getExceptionResult());
            }
            return result;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
