package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.account.AccountId;

/** The contact detail became the account's primary of its type. */
public record PrimaryAssigned(AccountId accountId, ContactType type, ContactDetailId contactDetailId) {
}
