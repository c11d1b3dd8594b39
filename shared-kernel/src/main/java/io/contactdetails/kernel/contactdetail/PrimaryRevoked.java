package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.account.AccountId;
import org.axonframework.serialization.Revision;

/** The contact detail stopped being the account's primary of its type. */
@Revision("1")
public record PrimaryRevoked(AccountId accountId, ContactType type, ContactDetailId contactDetailId) {
}
