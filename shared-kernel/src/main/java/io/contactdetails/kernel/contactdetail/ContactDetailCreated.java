package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.firm.FirmId;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A contact detail came into being, owned by {@code accountIds}. */
@Revision("1")
public record ContactDetailCreated(ContactDetailId contactDetailId, FirmId firmId, ContactType type, String name,
                                   String value, PhoneNumberMeta phoneNumberMeta, List<AccountId> accountIds) {
}
