package io.contactdetails.query.account.readmodel;

import io.contactdetails.fixtures.Events;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailOwnersChanged;
import io.contactdetails.kernel.contactdetail.ContactDetailRenamed;
import io.contactdetails.kernel.contactdetail.ContactDetailValueChanged;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.EmailAddress;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.kernel.contactdetail.RevocationReason;
import io.contactdetails.kernel.firm.FirmId;
import io.contactdetails.query.ReadModelDatabase;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailProjection;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailReadModel;
import io.contactdetails.query.infrastructure.BatchedCollection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.Document;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copies of an account's primaries in its document, fed events as the processor feeds them: the account's
 * stream and the detail's in either order (two segments project them independently), handled twice, in a batch.
 */
class PrimaryCopiesTest {
    private static final Instant T0 = Instant.parse("2025-09-17T14:46:53Z");
    private final ReadModelDatabase mongo = new ReadModelDatabase();
    private final AnnotationEventHandlerAdapter accounts = new AnnotationEventHandlerAdapter(new AccountProjection(mongo.database));
    private final AnnotationEventHandlerAdapter details = new AnnotationEventHandlerAdapter(new ContactDetailProjection(mongo.database));
    private final AccountReadModel accountReadModel = new AccountReadModel(mongo.database);
    private final ContactDetailReadModel detailReadModel = new ContactDetailReadModel(mongo.database);
    private final FirmId firm = FirmId.random();
    private final AccountId client = AccountId.random();
    private final ContactDetailId email = ContactDetailId.random();
    private final ContactDetailId other = ContactDetailId.random();

    private final List<EventMessage<?>> accountStream = List.of(
            account(0, Events.clientCreated(client, firm)),
            account(1, Events.attachedEmail(client, email, "a@example.com")),
            account(2, Events.emailPrimaryRequested(client, email)));
    private final List<EventMessage<?>> detailStream = List.of(
            detail(email, 0, Events.created(email, firm, new EmailAddress("a@example.com"), List.of(client))),
            detail(email, 1, new ContactDetailRenamed(email, "Work")),
            detail(email, 2, new ContactDetailValueChanged(email, ContactType.EMAIL, "b@example.com", null)));

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void theCopyIsTheDetailsLastStateWhenTheAccountsStreamIsProjectedFirst() throws Exception {
        handleAll(accountStream);
        handleAll(detailStream);
        assertPrimaryCopyIsTheDetail();
    }

    @Test
    void theCopyIsTheDetailsLastStateWhenTheDetailsStreamIsProjectedFirst() throws Exception {
        handleAll(detailStream);
        handleAll(accountStream);
        assertPrimaryCopyIsTheDetail();
    }

    @Test
    void theCopyFollowsTheDetailWhenTheStreamsInterleave() throws Exception {
        handle(detailStream.get(0));
        handle(accountStream.get(0));
        handle(accountStream.get(1));
        handle(detailStream.get(1));
        handle(accountStream.get(2));
        handle(detailStream.get(2));
        assertPrimaryCopyIsTheDetail();
        assertThat(primaries().get(0).value()).isEqualTo("b@example.com");
    }

    @Test
    void handlingEveryEventTwiceChangesNoDocument() throws Exception {
        handleAll(accountStream);
        handleAll(detailStream);
        Document once = accountDocument();
        handleAll(detailStream);
        handleAll(accountStream);
        assertThat(accountDocument()).isEqualTo(once);
    }

    /** The account's other events set its own fields and leave the copy, which another stream wrote, alone. */
    @Test
    void theAccountsOwnEventsKeepTheCopy() throws Exception {
        handleAll(accountStream);
        handleAll(detailStream);
        handle(account(3, Events.attachedEmail(client, other, "c@example.com")));
        assertPrimaryCopyIsTheDetail();
        assertThat(accountReadModel.find(client.toString()).orElseThrow().version()).isEqualTo(3);
    }

    /** A batch handled again after a crash copies the detail as it was then: the newer copy stays. */
    @Test
    void aCopyIsNotReplacedByAnOlderVersionOfTheDetail() throws Exception {
        handleAll(accountStream);
        handleAll(detailStream);

        handle(detailStream.get(0));

        assertThat(primaries()).singleElement().satisfies(copy -> {
            assertThat(copy.version()).isEqualTo(2);
            assertThat(copy.value()).isEqualTo("b@example.com");
        });
    }

    @Test
    void aRevokedPrimaryLeavesNoCopy() throws Exception {
        handleAll(accountStream);
        handleAll(detailStream);
        handle(account(3, new PrimaryRevoked(client, ContactType.EMAIL, email, RevocationReason.REVOKED_ON_REQUEST)));
        assertThat(accountDocument()).doesNotContainKey(AccountDocuments.copiesOfPrimary("email"));
        assertThat(primaries()).isEmpty();
    }

    /** While the account names a detail not projected yet it holds no copy (it drops those of its old primaries). */
    @Test
    void whileItsPrimaryIsNotProjectedTheAccountHoldsNoCopy() throws Exception {
        handleAll(accountStream);
        handleAll(detailStream);
        handle(account(3, new ContactDetailAttached(client, other, ContactType.EMAIL, "Home", "c@example.com", null)));
        inOneBatch(List.of(account(4, Events.emailPrimaryReplaced(client, email)),
                account(5, new PrimaryAssigned(client, ContactType.EMAIL, other, PrimaryReason.REQUESTED))));
        assertThat(accountDocument()).doesNotContainKey(AccountDocuments.copiesOfPrimary("email"));
        assertThat(primaries()).isEmpty();

        handle(detail(other, 0, Events.created(other, firm, new EmailAddress("c@example.com"), List.of(client))));
        assertThat(primaries()).singleElement().extracting(ContactDetailState::uuid).isEqualTo(other.toString());
    }

    /**
     * The account's stream moved its primary on between the detail's side reading the owner and copying into it: the
     * copy it wrote is not read, and goes at the account's next change of primaries.
     */
    @Test
    void aCopyIntoAnOwnerThatStoppedNamingTheDetailMeanwhileIsNotReadAndGoesAtItsNextChange() throws Exception {
        try (Watched watched = new Watched("$max", database -> database.getCollection(AccountDocuments.COLLECTION)
                .updateOne(new Document("_id", client.toString()),
                        new Document("$set", new Document(AccountDocuments.PRIMARY_EMAIL, other.toString()))))) {
            watched.handleAll(accountStream);
            watched.handle(detailStream.get(0));
            watched.handle(detailStream.get(1), () -> watched.armed.set(true));

            assertThat(watched.armed).isFalse();
            assertThat(watched.copies()).containsKey(email.toString());
            assertThat(watched.primaries()).isEmpty();
            // the verifier compares documents as read: the unread copy is no difference from a rebuild
            Document asRead = AccountDocuments.asRead(watched.account());
            assertThat(asRead).doesNotContainKey(AccountDocuments.copiesOfPrimary("email"));
            assertThat(asRead.getList("primaries", Document.class)).isEmpty();

            watched.handle(account(3, new PrimaryAssigned(client, ContactType.EMAIL, other, PrimaryReason.REQUESTED)));
            assertThat(watched.copies()).isNull();
        }
    }

    /**
     * The detail changed and was copied just before the account's side dropped its copies: the account's side reads
     * the detail after its drop, so it copies the change.
     */
    @Test
    void aDetailChangedAsTheAccountDropsItsCopiesIsCopiedByTheAccountsSide() throws Exception {
        AtomicReference<Watched> self = new AtomicReference<>();
        try (Watched watched = new Watched("$unset", database -> {
            try {
                self.get().handle(detailStream.get(1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })) {
            self.set(watched);
            watched.handle(accountStream.get(0));
            watched.handle(accountStream.get(1));
            watched.handle(detailStream.get(0));
            watched.armed.set(true);

            watched.handle(accountStream.get(2));

            assertThat(watched.armed).isFalse();
            assertThat(watched.primaries()).singleElement().satisfies(copy -> {
                assertThat(copy.version()).isEqualTo(1);
                assertThat(copy.name()).isEqualTo("Work");
            });
        }
    }

    /**
     * Projections on a database of their own whose driver, once {@code armed}, runs {@code meanwhile} just before it
     * sends the first update holding {@code operator}: another segment's write landing between two of this one's.
     */
    private final class Watched implements AutoCloseable {
        final AtomicBoolean armed = new AtomicBoolean();
        private final ReadModelDatabase mongo;
        private final AnnotationEventHandlerAdapter accounts;
        private final AnnotationEventHandlerAdapter details;

        Watched(String operator, Consumer<MongoDatabase> meanwhile) {
            AtomicReference<MongoDatabase> database = new AtomicReference<>();
            mongo = ReadModelDatabase.watching(event -> {
                if (event.getCommandName().equals("update") && event.getCommand().toJson().contains(operator)
                        && armed.getAndSet(false)) {
                    meanwhile.accept(database.get());
                }
            });
            database.set(mongo.database);
            accounts = new AnnotationEventHandlerAdapter(new AccountProjection(mongo.database));
            details = new AnnotationEventHandlerAdapter(new ContactDetailProjection(mongo.database));
        }

        void handleAll(List<EventMessage<?>> events) throws Exception {
            for (EventMessage<?> event : events) {
                handle(event);
            }
        }

        void handle(EventMessage<?> event) throws Exception {
            handle(event, () -> {
            });
        }

        /** {@code between}: after the detail's projection, before the account's. */
        void handle(EventMessage<?> event, Runnable between) throws Exception {
            details.handle(event);
            between.run();
            accounts.handle(event);
        }

        Document account() {
            return mongo.database.getCollection(AccountDocuments.COLLECTION).find(new Document("_id", client.toString()))
                    .first();
        }

        Document copies() {
            return account().get(AccountDocuments.copiesOfPrimary("email"), Document.class);
        }

        List<ContactDetailState> primaries() {
            return new AccountReadModel(mongo.database).findWithPrimaries(client.toString()).orElseThrow().primaries();
        }

        @Override
        public void close() {
            mongo.close();
        }
    }

    /** A detail's new owner that names it gets the copy; one that no longer owns it is left to its own stream. */
    @Test
    void aDetailIsCopiedIntoItsOwnersThatNameIt() throws Exception {
        AccountId second = AccountId.random();
        handleAll(accountStream);
        handle(account(second, 0, Events.clientCreated(second, firm)));
        handle(account(second, 1, Events.attachedEmail(second, email, "a@example.com")));
        handle(account(second, 2, Events.emailPrimaryRequested(second, email)));
        handle(detailStream.get(0));
        handle(detail(email, 1, new ContactDetailOwnersChanged(email, List.of(client, second))));
        assertThat(primaries(second)).singleElement().extracting(ContactDetailState::version).isEqualTo(1L);
        assertThat(primaries(client)).singleElement().extracting(ContactDetailState::version).isEqualTo(1L);
    }

    /**
     * The embedded stand-in finds a document through an index only when the filter is on {@code _id} alone; any other
     * filter reads the whole collection (a guarded update into a million-event store stalled the stand-in).
     */
    @Test
    void everyWriteAndReadIsFilteredOnIdAlone() throws Exception {
        List<String> filters = new ArrayList<>();
        try (ReadModelDatabase watched = ReadModelDatabase.watching(event -> {
            BsonDocument command = event.getCommand();
            if (command.containsKey("filter")) {
                filters.add(command.getDocument("filter").keySet().toString());
            }
            command.getArray("updates", new BsonArray()).forEach(update ->
                    filters.add(update.asDocument().getDocument("q").keySet().toString()));
            command.getArray("deletes", new BsonArray()).forEach(delete ->
                    filters.add(delete.asDocument().getDocument("q").keySet().toString()));
        })) {
            AnnotationEventHandlerAdapter watchedAccounts = new AnnotationEventHandlerAdapter(new AccountProjection(watched.database));
            AnnotationEventHandlerAdapter watchedDetails = new AnnotationEventHandlerAdapter(new ContactDetailProjection(watched.database));
            for (EventMessage<?> event : detailStream) {
                watchedDetails.handle(event);
                watchedAccounts.handle(event);
            }
            for (EventMessage<?> event : accountStream) {
                watchedDetails.handle(event);
                watchedAccounts.handle(event);
            }
            EventMessage<?> renamed = detail(email, 3, new ContactDetailRenamed(email, "Home"));
            watchedDetails.handle(renamed);
            watchedAccounts.handle(renamed);
        }
        assertThat(filters).isNotEmpty().containsOnly("[_id]");
    }

    /**
     * A client created with its primary in one batch (as a replay meets them) costs its copy no write or read of its
     * own: the new account's insert carries it (the detail's state is the batch's own, the new account has no copies to
     * drop), and the detail's side leaves the owner to the account's side.
     */
    @Test
    void aClientCreatedWithItsPrimaryInOneBatchIsCopiedWithTheAccountsOwnWrite() {
        List<String> commands = new ArrayList<>();
        AtomicBoolean flushing = new AtomicBoolean();
        try (ReadModelDatabase watched = ReadModelDatabase.watching(event -> {
            if (flushing.get()) {
                commands.add(event.getCommandName() + " " + event.getCommand().toJson().contains("$unset"));
            }
        })) {
            AnnotationEventHandlerAdapter watchedAccounts = new AnnotationEventHandlerAdapter(new AccountProjection(watched.database));
            AnnotationEventHandlerAdapter watchedDetails = new AnnotationEventHandlerAdapter(new ContactDetailProjection(watched.database));
            List<EventMessage<?>> events = List.of(accountStream.get(0), detailStream.get(0), accountStream.get(1),
                    accountStream.get(2));
            BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
            batch.executeWithResult(() -> {
                watchedDetails.handle(batch.getMessage());
                watchedAccounts.handle(batch.getMessage());
                if (batch.isLastMessage()) {
                    flushing.set(true);
                    BatchedCollection.flushBatch(batch);
                }
                return null;
            });

            assertThat(commands).containsExactly("insert false", "insert false");
            assertThat(new AccountReadModel(watched.database).findWithPrimaries(client.toString()).orElseThrow().primaries())
                    .containsExactly(new ContactDetailReadModel(watched.database).find(email.toString()).orElseThrow());
        }
    }

    /** In a processor batch the copies are written once the batch's documents are, whatever the handlers' order. */
    @Test
    void inABatchCopiesAreWrittenAfterTheBatchsDocuments() {
        List<EventMessage<?>> events = new ArrayList<>(accountStream);
        events.addAll(detailStream);
        inOneBatch(events);

        assertPrimaryCopyIsTheDetail();
    }

    /**
     * Handles the events in one processor batch, the account's handlers first: had they copied at once, they would
     * find no detail yet.
     */
    private void inOneBatch(List<EventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.executeWithResult(() -> {
            EventMessage<?> event = batch.getMessage();
            accounts.handle(event);
            details.handle(event);
            if (batch.isLastMessage()) {
                BatchedCollection.flushBatch(batch);
            }
            return null;
        });
    }

    private void assertPrimaryCopyIsTheDetail() {
        ContactDetailState detail = detailReadModel.find(email.toString()).orElseThrow();
        assertThat(primaries()).containsExactly(detail);
    }

    private List<ContactDetailState> primaries() {
        return primaries(client);
    }

    private List<ContactDetailState> primaries(AccountId account) {
        return accountReadModel.findWithPrimaries(account.toString()).orElseThrow().primaries();
    }

    private Document accountDocument() {
        return mongo.database.getCollection(AccountDocuments.COLLECTION).find(new Document("_id", client.toString())).first();
    }

    private void handleAll(List<EventMessage<?>> events) throws Exception {
        for (EventMessage<?> event : events) {
            handle(event);
        }
    }

    /** As the processor hands an event to the group: the detail's projection, then the account's. */
    private void handle(EventMessage<?> event) throws Exception {
        details.handle(event);
        accounts.handle(event);
    }

    private EventMessage<?> account(long sequence, Object payload) {
        return account(client, sequence, payload);
    }

    private static EventMessage<?> account(AccountId account, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Account", account.toString(), sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), T0.plusSeconds(sequence));
    }

    private static EventMessage<?> detail(ContactDetailId detail, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("ContactDetail", detail.toString(), sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), T0.plusSeconds(sequence));
    }
}
