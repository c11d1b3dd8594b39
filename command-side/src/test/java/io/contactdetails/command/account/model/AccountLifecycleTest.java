package io.contactdetails.command.account.model;

import io.contactdetails.fixtures.Events;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailDetached;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailName;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.EmailAddress;
import io.contactdetails.kernel.contactdetail.OwnedValueChanged;
import io.contactdetails.kernel.contactdetail.PhoneNumber;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.kernel.contactdetail.RevocationReason;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** After the first attach: values that change, details that leave, primaries chosen and revoked, and who succeeds. */
class AccountLifecycleTest {
    private static final FirmId FIRM = FirmId.random();
    private static final AccountId CLIENT = AccountId.random();
    private static final ContactDetailId OLDEST = ContactDetailId.random();
    private static final ContactDetailId NEWER = ContactDetailId.random();
    private static final ContactDetailId PRIMARY = ContactDetailId.random();
    private static final ContactDetailId PHONE = ContactDetailId.random();

    private final AggregateTestFixture<Account> fixture = new AggregateTestFixture<>(Account.class);

    /** Three emails, the last attached one primary in the middle of the attach order, and a primary phone. */
    private Object[] history() {
        return new Object[]{Events.clientCreated(CLIENT, FIRM),
                Events.attachedEmail(CLIENT, OLDEST, "oldest@example.com"),
                new PrimaryAssigned(CLIENT, ContactType.EMAIL, OLDEST, PrimaryReason.FIRST_OF_ITS_TYPE),
                Events.attachedEmail(CLIENT, PRIMARY, "primary@example.com"),
                new PrimaryRevoked(CLIENT, ContactType.EMAIL, OLDEST, RevocationReason.REPLACED),
                new PrimaryAssigned(CLIENT, ContactType.EMAIL, PRIMARY, PrimaryReason.REQUESTED),
                Events.attachedEmail(CLIENT, NEWER, "newer@example.com"),
                Events.attached(CLIENT, PHONE, PhoneNumber.parse("+443330903630", "GB")),
                new PrimaryAssigned(CLIENT, ContactType.PHONE_NUMBER, PHONE, PrimaryReason.FIRST_OF_ITS_TYPE)};
    }

    @Test
    void aDetachedPrimaryIsSucceededByTheMostRecentlyAttachedRemainingDetailOfItsType() {
        fixture.given(history())
                .whenInvoking(CLIENT.toString(), account -> account.detach(PRIMARY))
                .expectEvents(new PrimaryRevoked(CLIENT, ContactType.EMAIL, PRIMARY, RevocationReason.DETACHED),
                        new ContactDetailDetached(CLIENT, PRIMARY, ContactType.EMAIL),
                        new PrimaryAssigned(CLIENT, ContactType.EMAIL, NEWER, PrimaryReason.SUCCEEDS_REMOVED_PRIMARY))
                .expectState(account -> {
                    assertThat(account.primaryOf(ContactType.EMAIL)).isEqualTo(NEWER);
                    assertThat(account.primaryOf(ContactType.PHONE_NUMBER)).isEqualTo(PHONE);
                    assertThat(account.owns(PRIMARY)).isFalse();
                });
    }

    @Test
    void theLastDetailOfATypeLeavesNoPrimaryOfThatType() {
        fixture.given(history())
                .whenInvoking(CLIENT.toString(), account -> account.detach(PHONE))
                .expectEvents(new PrimaryRevoked(CLIENT, ContactType.PHONE_NUMBER, PHONE, RevocationReason.DETACHED),
                        new ContactDetailDetached(CLIENT, PHONE, ContactType.PHONE_NUMBER))
                .expectState(account -> assertThat(account.primaryOf(ContactType.PHONE_NUMBER)).isNull());
    }

    @Test
    void detachingADetailThatIsNotThePrimaryLeavesThePrimaryAlone() {
        fixture.given(history())
                .whenInvoking(CLIENT.toString(), account -> account.detach(OLDEST))
                .expectEvents(new ContactDetailDetached(CLIENT, OLDEST, ContactType.EMAIL))
                .expectState(account -> assertThat(account.primaryOf(ContactType.EMAIL)).isEqualTo(PRIMARY));
    }

    @Test
    void revokingOnRequestLeavesNoPrimaryAndNoSuccessor() {
        fixture.given(history())
                .whenInvoking(CLIENT.toString(), account -> account.revokePrimary(PRIMARY))
                .expectEvents(new PrimaryRevoked(CLIENT, ContactType.EMAIL, PRIMARY, RevocationReason.REVOKED_ON_REQUEST))
                .expectState(account -> assertThat(account.primaryOf(ContactType.EMAIL)).isNull());
    }

    @Test
    void revokingADetailThatIsNotThePrimaryChangesNothing() {
        fixture.given(history())
                .whenInvoking(CLIENT.toString(), account -> account.revokePrimary(NEWER))
                .expectNoEvents();
    }

    @Test
    void choosingAPrimaryRevokesTheCurrentOneFirst() {
        fixture.given(history())
                .whenInvoking(CLIENT.toString(), account -> account.choosePrimary(OLDEST))
                .expectEvents(new PrimaryRevoked(CLIENT, ContactType.EMAIL, PRIMARY, RevocationReason.REPLACED),
                        new PrimaryAssigned(CLIENT, ContactType.EMAIL, OLDEST, PrimaryReason.REQUESTED));
    }

    @Test
    void choosingThePrimaryItAlreadyHasChangesNothing() {
        fixture.given(history())
                .whenInvoking(CLIENT.toString(), account -> account.choosePrimary(PRIMARY))
                .expectNoEvents();
    }

    @Test
    void aNewValueIsTakenWhenNoOtherDetailOfTheTypeHoldsIt() {
        EmailAddress changed = new EmailAddress("changed@example.com");
        fixture.given(history())
                .whenInvoking(CLIENT.toString(), account -> assertThat(account.changeValue(NEWER, changed)).isEmpty())
                .expectEvents(new OwnedValueChanged(CLIENT, NEWER, ContactType.EMAIL, "changed@example.com", null));
    }

    @Test
    void aValueAnotherOwnedDetailHoldsIsRefused() {
        fixture.given(history())
                .whenInvoking(CLIENT.toString(), account -> assertThat(account.changeValue(NEWER,
                        new EmailAddress("oldest@example.com"))).contains(OwnershipRefusal.SAME_VALUE_ALREADY_OWNED))
                .expectNoEvents();
    }

    @Test
    void aDetailMayKeepItsOwnValue() {
        fixture.given(history())
                .whenInvoking(CLIENT.toString(), account -> assertThat(account.changeValue(NEWER,
                        new EmailAddress("newer@example.com"))).isEmpty())
                .expectEvents(new OwnedValueChanged(CLIENT, NEWER, ContactType.EMAIL, "newer@example.com", null));
    }

    @Test
    void aDetachedValueCanBeOwnedAgain() {
        ContactDetailId again = ContactDetailId.random();
        fixture.given(history())
                .andGiven(new ContactDetailDetached(CLIENT, OLDEST, ContactType.EMAIL))
                .whenInvoking(CLIENT.toString(), account -> assertThat(account.attach(again, FIRM,
                        new ContactDetailName(Events.LABEL),
                        new EmailAddress("oldest@example.com"), PrimaryChoice.NOT_PRIMARY)).isEmpty())
                .expectEvents(Events.attachedEmail(CLIENT, again, "oldest@example.com"));
    }
}
