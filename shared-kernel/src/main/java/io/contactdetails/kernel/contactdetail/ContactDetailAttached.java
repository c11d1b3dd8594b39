package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.account.AccountId;

/** An account now owns a contact detail; the payload repeats the detail so the account's history reads alone. */
public record ContactDetailAttached(AccountId accountId, ContactDetailId contactDetailId, ContactType type,
                                    String name, String value, PhoneNumberMeta phoneNumberMeta) {
}
