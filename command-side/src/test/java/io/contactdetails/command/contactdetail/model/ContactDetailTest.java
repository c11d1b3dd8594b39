package io.contactdetails.command.contactdetail.model;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailName;
import io.contactdetails.kernel.contactdetail.ContactDetailOwners;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import io.contactdetails.kernel.contactdetail.PhoneNumber;
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

class ContactDetailTest {
    @Test
    void creatingAContactDetailRecordsItsNormalisedValueAndOwners() {
        ContactDetailId id = ContactDetailId.random();
        FirmId firm = FirmId.random();
        AccountId first = AccountId.random();
        AccountId second = AccountId.random();
        new AggregateTestFixture<>(ContactDetail.class)
                .givenNoPriorActivity()
                .whenConstructing(() -> new ContactDetail(new CreateContactDetail(id, firm,
                        new ContactDetailName("Work phone number"), PhoneNumber.parse("+61 2 3456 7890", "AU"),
                        ContactDetailOwners.of(List.of(first, second), List.of(second)))))
                .expectEvents(new ContactDetailCreated(id, firm, ContactType.PHONE_NUMBER, "Work phone number",
                        "+61234567890", new PhoneNumberMeta("AU", "(02) 3456 7890"), List.of(first, second)));
    }
}
