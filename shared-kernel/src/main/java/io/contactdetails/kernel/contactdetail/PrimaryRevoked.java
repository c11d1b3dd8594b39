package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.account.AccountId;

/** The contact detail stopped being the account's primary of its type. */
public record PrimaryRevoked(AccountId accountId, ContactType type, ContactDetailId contactDetailId) {
}
