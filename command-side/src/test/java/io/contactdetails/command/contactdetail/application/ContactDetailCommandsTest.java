package io.contactdetails.command.contactdetail.application;

import io.contactdetails.command.HandlerFixture;
import io.contactdetails.command.account.model.OwnershipRefusal;
import io.contactdetails.fixtures.Events;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailName;
import io.contactdetails.kernel.contactdetail.ContactDetailOwners;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import io.contactdetails.kernel.contactdetail.EmailAddress;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.kernel.contactdetail.RevocationReason;
import io.contactdetails.kernel.firm.FirmId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The multi-owner create, specified where it is decided: the handler that loads the owners and asks each. */
class ContactDetailCommandsTest {
    private static final FirmId FIRM = FirmId.random();
    private static final ContactDetailName HOME = new ContactDetailName(Events.LABEL);
    private static final EmailAddress EMAIL = new EmailAddress("shared@example.com");
    // ids whose order is known, so the lock order can be told from the request order
    private static final AccountId LOW = new AccountId(new UUID(0, 1));
    private static final AccountId HIGH = new AccountId(new UUID(0, 2));

    private final HandlerFixture fixture = new HandlerFixture();
    private final ContactDetailCommands handler = new ContactDetailCommands(fixture.accounts, fixture.contactDetails,
            fixture.eventStore);
    private final ContactDetailId detail = ContactDetailId.random();

    private HandlerFixture.Outcome create(List<AccountId> owners, List<AccountId> primaries) {
        CreateContactDetail command = new CreateContactDetail(detail, FIRM, HOME, EMAIL, ContactDetailOwners.of(owners, primaries));
        return fixture.when(() -> {
            handler.handle(command);
            return null;
        });
    }

    private void givenAccount(AccountId id, FirmId firm, AccountType type, Object... later) {
        fixture.given("Account", id.toString(), Events.accountCreated(id, firm, type));
        fixture.given("Account", id.toString(), later);
    }

    private void givenClient(AccountId id, Object... later) {
        givenAccount(id, FIRM, AccountType.CLIENT, later);
    }

    private ContactDetailAttached attached(AccountId owner) {
        return Events.attached(owner, detail, EMAIL);
    }

    private ContactDetailCreated created(List<AccountId> owners) {
        return Events.created(detail, FIRM, EMAIL, owners);
    }

    @Test
    void ownersAreLockedInIdOrderAndAttachedInRequestOrder() {
        givenClient(LOW);
        givenClient(HIGH);

        HandlerFixture.Outcome outcome = create(List.of(HIGH, LOW), List.of());

        assertThat(outcome.failure()).isNull();
        assertThat(outcome.accountsLoaded()).containsExactly(LOW.toString(), HIGH.toString());
        assertThat(outcome.events()).containsExactly(
                created(List.of(HIGH, LOW)),
                attached(HIGH), new PrimaryAssigned(HIGH, ContactType.EMAIL, detail, PrimaryReason.FIRST_OF_ITS_TYPE),
                attached(LOW), new PrimaryAssigned(LOW, ContactType.EMAIL, detail, PrimaryReason.FIRST_OF_ITS_TYPE));
    }

    @Test
    void everyOwnerItIsPrimaryForRevokesItsOldPrimaryBeforeTheNewOneIsAssigned() {
        ContactDetailId lowOld = ContactDetailId.random();
        ContactDetailId highOld = ContactDetailId.random();
        givenClient(LOW, Events.attachedEmail(LOW, lowOld, "low@example.com"),
                Events.emailPrimaryRequested(LOW, lowOld));
        givenClient(HIGH, Events.attachedEmail(HIGH, highOld, "high@example.com"),
                Events.emailPrimaryRequested(HIGH, highOld));

        HandlerFixture.Outcome outcome = create(List.of(LOW, HIGH), List.of(LOW, HIGH));

        assertThat(outcome.events()).containsExactly(
                created(List.of(LOW, HIGH)),
                attached(LOW), new PrimaryRevoked(LOW, ContactType.EMAIL, lowOld, RevocationReason.REPLACED),
                new PrimaryAssigned(LOW, ContactType.EMAIL, detail, PrimaryReason.REQUESTED),
                attached(HIGH), new PrimaryRevoked(HIGH, ContactType.EMAIL, highOld, RevocationReason.REPLACED),
                new PrimaryAssigned(HIGH, ContactType.EMAIL, detail, PrimaryReason.REQUESTED));
    }

    @Test
    void anOwnerNotNamedPrimaryKeepsItsPrimary() {
        ContactDetailId lowOld = ContactDetailId.random();
        givenClient(LOW, Events.attachedEmail(LOW, lowOld, "low@example.com"),
                Events.emailPrimaryRequested(LOW, lowOld));
        givenClient(HIGH);

        HandlerFixture.Outcome outcome = create(List.of(LOW, HIGH), List.of(HIGH));

        assertThat(outcome.events()).containsExactly(
                created(List.of(LOW, HIGH)),
                attached(LOW),
                attached(HIGH), new PrimaryAssigned(HIGH, ContactType.EMAIL, detail, PrimaryReason.REQUESTED));
    }

    @Test
    void everyRefusalIsReportedByTheOwnersPositionAndNothingIsWritten() {
        AccountId client = AccountId.random();
        AccountId unknown = AccountId.random();
        AccountId employee = AccountId.random();
        AccountId elsewhere = AccountId.random();
        AccountId holder = AccountId.random();
        ContactDetailId existing = ContactDetailId.random();
        givenClient(client);
        givenAccount(employee, FIRM, AccountType.EMPLOYEE);
        givenAccount(elsewhere, FirmId.random(), AccountType.CLIENT);
        givenClient(holder, Events.attached(holder, existing, EMAIL));
        AccountId aContactDetail = new AccountId(existing.value());
        fixture.given("ContactDetail", existing.toString(), Events.created(existing, FIRM, EMAIL, List.of(holder)));

        HandlerFixture.Outcome outcome = create(List.of(client, unknown, employee, elsewhere, holder, aContactDetail),
                List.of());

        assertThat(outcome.failure()).isInstanceOfSatisfying(OwnersRefused.class, refused ->
                assertThat(refused.refusals()).containsExactly(
                        entry(1, OwnershipRefusal.NOT_A_CLIENT_OF_THE_FIRM),
                        entry(2, OwnershipRefusal.NOT_A_CLIENT_OF_THE_FIRM),
                        entry(3, OwnershipRefusal.NOT_A_CLIENT_OF_THE_FIRM),
                        entry(4, OwnershipRefusal.SAME_VALUE_ALREADY_OWNED),
                        entry(5, OwnershipRefusal.NOT_A_CLIENT_OF_THE_FIRM)));
        assertThat(outcome.events()).isEmpty();
    }
}
