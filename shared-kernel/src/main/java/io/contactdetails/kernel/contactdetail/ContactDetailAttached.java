package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.account.AccountId;
import org.axonframework.serialization.Revision;

/** An account now owns a contact detail; the payload repeats the detail so the account's history reads alone. */
@Revision("1")
public record ContactDetailAttached(AccountId accountId, ContactDetailId contactDetailId, ContactType type,
                                    String name, String value, PhoneNumberMeta phoneNumberMeta) {
}
