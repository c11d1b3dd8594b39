package io.contactdetails.query.account.readmodel;

import io.contactdetails.fixtures.Events;
import io.contactdetails.http.request.PageRequest;
import io.contactdetails.http.resource.AccountResource;
import io.contactdetails.http.resource.AccountState;
import io.contactdetails.http.resource.AccountWithPrimaries;
import io.contactdetails.http.resource.ContactDetailResource;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.http.resource.ResourceStates;
import io.contactdetails.http.resource.Resources;
import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.contactdetail.ContactDetailDetached;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.OwnedValueChanged;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.kernel.contactdetail.RevocationReason;
import io.contactdetails.kernel.firm.FirmId;
import io.contactdetails.query.ReadModelDatabase;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailProjection;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailReadModel;
import io.contactdetails.query.infrastructure.ReadModelStates;
import io.contactdetails.kernel.contactdetail.ContactDetailRenamed;
import io.contactdetails.kernel.contactdetail.EmailAddress;
import io.contactdetails.kernel.contactdetail.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.bson.BsonDocument;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import static org.assertj.core.api.Assertions.assertThat;

/** The account read model, built by feeding events to the projection; no Spring, no event store. */
class AccountProjectionTest {
    private static final Instant T0 = Instant.parse("2025-09-17T14:46:53Z");
    private static final Resources RESOURCES = new Resources(ZoneId.of("Europe/London"), "");
    private final ReadModelDatabase mongo = new ReadModelDatabase();
    private final AccountProjection projection = new AccountProjection(mongo.database);
    private final AccountReadModel readModel = new AccountReadModel(mongo.database);
    private final FirmId firm = FirmId.random();
    private final AccountId client = AccountId.random();
    private final AccountCreated created = Events.clientCreated(client, firm);
    private final ContactDetailId first = ContactDetailId.random();
    private final ContactDetailId second = ContactDetailId.random();
    private final ContactDetailId phone = ContactDetailId.random();
    private final PhoneNumber number = PhoneNumber.parse("+443330903630", "GB");

    @AfterEach
    void close() {
        mongo.close();
    }

    private void history() {
        projection.on(created, T0, 0);
        projection.on(Events.attachedEmail(client, first, "a@example.com"), T0.plusSeconds(1), 1);
        projection.on(Events.emailPrimaryRequested(client, first), T0.plusSeconds(1), 2);
        projection.on(Events.attachedEmail(client, second, "b@example.com"), T0.plusSeconds(2), 3);
        projection.on(Events.emailPrimaryReplaced(client, first), T0.plusSeconds(2), 4);
        projection.on(Events.emailPrimaryRequested(client, second), T0.plusSeconds(2), 5);
    }

    @Test
    void anAccountIsReadBackByItsId() {
        projection.on(created, T0, 0);
        assertThat(readModel.find(client.toString())).contains(new AccountState(client.toString(), firm.toString(),
                "client", "Gareth", "Thompson", null, null, T0, T0, 0));
    }

    @Test
    void primariesFollowAssignedAndRevoked() {
        history();
        AccountState account = readModel.find(client.toString()).orElseThrow();
        assertThat(account.primaryEmailUuid()).isEqualTo(second.toString());
        assertThat(account.primaryPhoneNumberUuid()).isNull();
        assertThat(account.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(account.createdAt()).isEqualTo(T0);
        assertThat(account.version()).isEqualTo(5);
    }

    @Test
    void aRevocationOfAnotherDetailDoesNotClearThePrimary() {
        projection.on(created, T0, 0);
        projection.on(new PrimaryAssigned(client, ContactType.PHONE_NUMBER, second, PrimaryReason.REQUESTED), T0, 1);
        projection.on(new PrimaryRevoked(client, ContactType.PHONE_NUMBER, first, RevocationReason.REPLACED), T0, 2);
        assertThat(readModel.find(client.toString()).orElseThrow().primaryPhoneNumberUuid()).isEqualTo(second.toString());
    }

    @Test
    void handlingEveryEventTwiceChangesNothing() {
        history();
        AccountState once = readModel.find(client.toString()).orElseThrow();
        history();
        assertThat(readModel.find(client.toString())).contains(once);
        assertThat(readModel.countInFirm(firm.toString())).isEqualTo(1);
    }

    @Test
    void anEventRedeliveredAfterLaterOnesChangesNothing() {
        history();
        AccountState once = readModel.find(client.toString()).orElseThrow();
        projection.on(Events.emailPrimaryRequested(client, first), T0.plusSeconds(1), 2);
        assertThat(readModel.find(client.toString())).contains(once);
    }

    @Test
    void listsAreConfinedToTheFirmAndPaged() {
        projection.on(created, T0, 0);
        for (int i = 0; i < 3; i++) {
            projection.on(new AccountCreated(AccountId.random(), firm, AccountType.CLIENT, "N" + i, "L"), T0.plusSeconds(i + 1), 0);
        }
        projection.on(new AccountCreated(AccountId.random(), FirmId.random(), AccountType.CLIENT, "Other", "Firm"), T0, 0);
        assertThat(readModel.countInFirm(firm.toString())).isEqualTo(4);
        assertThat(readModel.pageInFirm(firm.toString(), new PageRequest(2, 3)))
                .extracting(found -> found.account().firstName()).containsExactly("N2");
        assertThat(readModel.pageInFirm(firm.toString(), new PageRequest(1, 2)))
                .extracting(found -> found.account().firstName()).containsExactly("Gareth", "N0");
    }

    @Test
    void resetEmptiesTheReadModel() {
        projection.on(created, T0, 0);
        projection.reset();
        assertThat(readModel.find(client.toString())).isEmpty();
    }

    @Test
    void detachingAndValueChangesTouchTheAccountOnce() {
        history();
        projection.on(new OwnedValueChanged(client, first, ContactType.EMAIL, "c@example.com", null), T0.plusSeconds(3), 6);
        projection.on(new ContactDetailDetached(client, first, ContactType.EMAIL), T0.plusSeconds(4), 7);
        AccountState once = readModel.find(client.toString()).orElseThrow();
        assertThat(once.updatedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(once.version()).isEqualTo(7);
        projection.on(new OwnedValueChanged(client, first, ContactType.EMAIL, "c@example.com", null), T0.plusSeconds(3), 6);
        projection.on(new ContactDetailDetached(client, first, ContactType.EMAIL), T0.plusSeconds(4), 7);
        assertThat(readModel.find(client.toString())).contains(once);
    }

    /**
     * One find on {@code _id}, which every MongoDB and the embedded stand-in answer from the unique index: the
     * account's document holds copies of its primaries. An aggregation (a {@code $match} on {@code _id}, then a
     * {@code $lookup} per primary) was one round trip on MongoDB too, but the stand-in runs an aggregation over its
     * whole collection first: a GET read every account, and on a store of 1M events reads timed out.
     */
    @Test
    void anAccountAndItsPrimariesAreReadInOneFindById() throws Exception {
        List<String> commands = new ArrayList<>();
        try (ReadModelDatabase watched = clientWithTwoPrimaries(commands)) {
            AccountReadModel readAccounts = new AccountReadModel(watched.database);
            ReadModelStates states = new ReadModelStates(readAccounts, new ContactDetailReadModel(watched.database));
            commands.clear();

            // as GET /api/v2/accounts/{uuid} reads it
            AccountWithPrimaries stored = readAccounts.findWithPrimaries(client.toString()).orElseThrow();
            AccountResource found = RESOURCES.taggedAccount(stored.account(), states, stored.primaries())
                    .resource();

            assertThat(commands).containsExactly("find [_id]");
            assertThat(found.primaryEmail().uuid()).isEqualTo(first.toString());
            assertThat(found.primaryEmail().name()).isEqualTo("Work");
            assertThat(found.primaryPhoneNumber().uuid()).isEqualTo(phone.toString());
            assertThat(found.primaryPhoneNumber().phoneNumberMeta()).isEqualTo(number.phoneNumberMeta());
            assertThat(readAccounts.findWithPrimaries(AccountId.random().toString())).isEmpty();
        }
    }

    /**
     * As GET /api/v2/contact-details/{uuid} reads it: the detail, then its owners, whose documents hold their
     * primaries; a third find fetched those primaries before.
     */
    @Test
    void aContactDetailWithItsOwnersAndTheirPrimariesIsReadInTwoFindsById() throws Exception {
        List<String> commands = new ArrayList<>();
        try (ReadModelDatabase watched = clientWithTwoPrimaries(commands)) {
            ContactDetailReadModel readDetails = new ContactDetailReadModel(watched.database);
            ReadModelStates states = new ReadModelStates(new AccountReadModel(watched.database), readDetails);
            commands.clear();

            ContactDetailState email = readDetails.find(first.toString()).orElseThrow();
            Resources.Tagged<ContactDetailResource> tagged = RESOURCES.taggedContactDetail(email, states);
            ContactDetailResource found = tagged.resource();

            assertThat(commands).containsExactly("find [_id]", "find [_id]");
            // the same resource and tag as when its owners' primaries are fetched from the contact details
            Resources.Tagged<ContactDetailResource> fetched = RESOURCES.taggedContactDetail(email, new ResourceStates() {
                @Override
                public Map<String, AccountState> accounts(Collection<String> uuids) {
                    return states.accounts(uuids);
                }

                @Override
                public Map<String, ContactDetailState> contactDetails(Collection<String> uuids) {
                    return states.contactDetails(uuids);
                }
            });
            assertThat(tagged).isEqualTo(fetched);
            AccountResource owner = found.accounts().get(0);
            assertThat(owner.uuid()).isEqualTo(client.toString());
            assertThat(owner.primaryEmail().name()).isEqualTo("Work");
            assertThat(owner.primaryPhoneNumber().uuid()).isEqualTo(phone.toString());
            assertThat(owner.primaryPhoneNumber().phoneNumberMeta()).isEqualTo(number.phoneNumberMeta());
            assertThat(found.primaryAccounts()).extracting(AccountResource::uuid).containsExactly(client.toString());
        }
    }

    /**
     * A database holding the client with its email {@code first}, renamed "Work", and {@code phone} as its primaries,
     * both projected; every command sent to it is recorded in {@code commands} with its filter's keys.
     */
    private ReadModelDatabase clientWithTwoPrimaries(List<String> commands) throws Exception {
        ReadModelDatabase watched = ReadModelDatabase.watching(event -> {
            BsonDocument filter = event.getCommand().getDocument("filter", new BsonDocument());
            commands.add(event.getCommandName() + " " + filter.keySet());
        });
        AccountProjection accounts = new AccountProjection(watched.database);
        // the contact detail projection is fed as its processor feeds it: its handlers are its package's
        AnnotationEventHandlerAdapter details = new AnnotationEventHandlerAdapter(
                new ContactDetailProjection(watched.database));
        details.handle(event(first, 0, Events.created(first, firm, new EmailAddress("a@example.com"),
                List.of(client)), T0));
        details.handle(event(phone, 0, Events.created(phone, firm, number, List.of(client)), T0));
        details.handle(event(first, 1, new ContactDetailRenamed(first, "Work"), T0.plusSeconds(3)));
        accounts.on(created, T0, 0);
        accounts.on(Events.attachedEmail(client, first, "a@example.com"), T0.plusSeconds(1), 1);
        accounts.on(Events.emailPrimaryRequested(client, first), T0.plusSeconds(1), 2);
        accounts.on(Events.attached(client, phone, number), T0.plusSeconds(2), 3);
        accounts.on(Events.primaryAssigned(client, ContactType.PHONE_NUMBER, phone, PrimaryReason.REQUESTED),
                T0.plusSeconds(2), 4);
        return watched;
    }

    private static DomainEventMessage<Object> event(ContactDetailId stream, long sequence, Object payload, Instant at) {
        return new GenericDomainEventMessage<>("ContactDetail", stream.toString(), sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }

    @Test
    void anAccountWithoutPrimariesIsReadWithNone() {
        projection.on(created, T0, 0);
        AccountResource found = RESOURCES.taggedAccount(readModel.find(client.toString()).orElseThrow(),
                new ReadModelStates(readModel, new ContactDetailReadModel(mongo.database))).resource();
        assertThat(found.uuid()).isEqualTo(client.toString());
        assertThat(found.primaryEmail()).isNull();
        assertThat(found.primaryPhoneNumber()).isNull();
    }
}
