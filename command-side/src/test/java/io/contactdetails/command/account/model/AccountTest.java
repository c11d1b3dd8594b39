package io.contactdetails.command.account.model;

import io.contactdetails.fixtures.Events;
import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.account.CreateAccount;
import io.contactdetails.kernel.account.PersonName;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailName;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.ContactValue;
import io.contactdetails.kernel.contactdetail.EmailAddress;
import io.contactdetails.kernel.contactdetail.PhoneNumber;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.kernel.contactdetail.RevocationReason;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The single-primary rule, specified as given-when-then on the account that enforces it. */
class AccountTest {
    private static final FirmId FIRM = FirmId.random();
    private static final AccountId CLIENT = AccountId.random();
    private static final ContactDetailName WORK = new ContactDetailName(Events.LABEL);
    private static final EmailAddress FIRST_EMAIL = new EmailAddress("first@example.com");
    private static final EmailAddress SECOND_EMAIL = new EmailAddress("second@example.com");
    private static final PhoneNumber PHONE = PhoneNumber.parse("+443330903630", "GB");

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    private static AccountCreated clientCreated() {
        return Events.clientCreated(CLIENT, FIRM);
    }

    private static ContactDetailAttached attached(ContactDetailId id, ContactValue value) {
        return Events.attached(CLIENT, id, value);
    }

    private static PrimaryAssigned primaryAssigned(ContactDetailId id) {
        return Events.emailPrimaryRequested(CLIENT, id);
    }

    @Test
    void creatingAnAccountRecordsItsFirmTypeAndName() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Account(new CreateAccount(CLIENT, FIRM, AccountType.CLIENT,
                        new PersonName(" Gareth ", "Thompson"))))
                .expectEvents(clientCreated());
    }

    @Test
    void theFirstContactDetailOfATypeBecomesThePrimaryEvenUnasked() {
        ContactDetailId email = ContactDetailId.random();
        fixture.given(clientCreated())
                .whenInvoking(CLIENT.toString(), account -> account.attach(email, FIRM, WORK, FIRST_EMAIL, PrimaryChoice.PRIMARY_IF_NONE))
                .expectEvents(attached(email, FIRST_EMAIL),
                        new PrimaryAssigned(CLIENT, ContactType.EMAIL, email, PrimaryReason.FIRST_OF_ITS_TYPE));
    }

    @Test
    void askingForPrimaryOnAnAccountWithoutOneRecordsTheRequest() {
        ContactDetailId email = ContactDetailId.random();
        fixture.given(clientCreated())
                .whenInvoking(CLIENT.toString(), account -> account.attach(email, FIRM, WORK, FIRST_EMAIL, PrimaryChoice.PRIMARY))
                .expectEvents(attached(email, FIRST_EMAIL), primaryAssigned(email));
    }

    @Test
    void aNewPrimaryRevokesTheOldOneFirst() {
        ContactDetailId first = ContactDetailId.random();
        ContactDetailId second = ContactDetailId.random();
        fixture.given(clientCreated(), attached(first, FIRST_EMAIL), primaryAssigned(first))
                .whenInvoking(CLIENT.toString(), account -> account.attach(second, FIRM, WORK, SECOND_EMAIL, PrimaryChoice.PRIMARY))
                .expectEvents(attached(second, SECOND_EMAIL),
                        new PrimaryRevoked(CLIENT, ContactType.EMAIL, first, RevocationReason.REPLACED),
                        new PrimaryAssigned(CLIENT, ContactType.EMAIL, second, PrimaryReason.REQUESTED))
                .expectState(account -> assertThat(account.primaryOf(ContactType.EMAIL)).isEqualTo(second));
    }

    @Test
    void aSecondContactDetailNotAskedToBePrimaryLeavesThePrimaryAlone() {
        ContactDetailId first = ContactDetailId.random();
        ContactDetailId second = ContactDetailId.random();
        fixture.given(clientCreated(), attached(first, FIRST_EMAIL), primaryAssigned(first))
                .whenInvoking(CLIENT.toString(), account -> account.attach(second, FIRM, WORK, SECOND_EMAIL, PrimaryChoice.PRIMARY_IF_NONE))
                .expectEvents(attached(second, SECOND_EMAIL))
                .expectState(account -> assertThat(account.primaryOf(ContactType.EMAIL)).isEqualTo(first));
    }

    @Test
    void eachTypeHasItsOwnPrimary() {
        ContactDetailId email = ContactDetailId.random();
        ContactDetailId phone = ContactDetailId.random();
        fixture.given(clientCreated(), attached(email, FIRST_EMAIL), primaryAssigned(email))
                .whenInvoking(CLIENT.toString(), account -> account.attach(phone, FIRM, WORK, PHONE, PrimaryChoice.PRIMARY_IF_NONE))
                .expectEvents(attached(phone, PHONE),
                        new PrimaryAssigned(CLIENT, ContactType.PHONE_NUMBER, phone, PrimaryReason.FIRST_OF_ITS_TYPE))
                .expectState(account -> {
                    assertThat(account.primaryOf(ContactType.EMAIL)).isEqualTo(email);
                    assertThat(account.primaryOf(ContactType.PHONE_NUMBER)).isEqualTo(phone);
                });
    }

    @Test
    void theSameValueOfTheSameTypeTwiceIsRefused() {
        ContactDetailId first = ContactDetailId.random();
        fixture.given(clientCreated(), attached(first, FIRST_EMAIL), primaryAssigned(first))
                .whenInvoking(CLIENT.toString(), account -> assertThat(account.attach(ContactDetailId.random(), FIRM, WORK,
                        new EmailAddress("  first@EXAMPLE.com "), PrimaryChoice.PRIMARY)).contains(OwnershipRefusal.SAME_VALUE_ALREADY_OWNED))
                .expectNoEvents();
    }

    @Test
    void anEmployeeOwnsNoContactDetails() {
        fixture.given(Events.accountCreated(CLIENT, FIRM, AccountType.EMPLOYEE))
                .whenInvoking(CLIENT.toString(), account -> assertThat(account.attach(ContactDetailId.random(), FIRM, WORK,
                        FIRST_EMAIL, PrimaryChoice.PRIMARY)).contains(OwnershipRefusal.NOT_A_CLIENT_OF_THE_FIRM))
                .expectNoEvents();
    }

    @Test
    void anExternalAccountOwnsNoContactDetails() {
        fixture.given(Events.accountCreated(CLIENT, FIRM, AccountType.EXTERNAL))
                .whenInvoking(CLIENT.toString(), account -> assertThat(account.attach(ContactDetailId.random(), FIRM, WORK,
                        FIRST_EMAIL, PrimaryChoice.PRIMARY_IF_NONE)).contains(OwnershipRefusal.NOT_A_CLIENT_OF_THE_FIRM))
                .expectNoEvents();
    }

    @Test
    void aClientOfAnotherFirmIsRefused() {
        fixture.given(clientCreated())
                .whenInvoking(CLIENT.toString(), account -> assertThat(account.attach(ContactDetailId.random(), FirmId.random(), WORK,
                        FIRST_EMAIL, PrimaryChoice.PRIMARY_IF_NONE)).contains(OwnershipRefusal.NOT_A_CLIENT_OF_THE_FIRM))
                .expectNoEvents();
    }
}
