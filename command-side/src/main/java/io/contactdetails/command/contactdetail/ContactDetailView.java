package io.contactdetails.command.contactdetail;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import io.contactdetails.kernel.firm.FirmId;

import java.time.Instant;
import java.util.List;

public record ContactDetailView(ContactDetailId contactDetailId, FirmId firmId, ContactType type, String name,
                                String value, PhoneNumberMeta phoneNumberMeta, List<AccountId> owners,
                                Instant createdAt, Instant updatedAt) {
}
