package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.account.AccountId;
import org.axonframework.serialization.Revision;

/** The account no longer owns the contact detail (moved to other owners, or deleted). */
@Revision("1")
public record ContactDetailDetached(AccountId accountId, ContactDetailId contactDetailId, ContactType type) {
}
