package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.account.AccountId;
import org.axonframework.serialization.Revision;

/**
 * The contact detail became the account's primary of its type, and why. Revision 1 added {@code reason};
 * {@link PrimaryAssignedUpcaster} reads revision-less events as {@link PrimaryReason#NOT_RECORDED}.
 */
@Revision("1")
public record PrimaryAssigned(AccountId accountId, ContactType type, ContactDetailId contactDetailId,
                              PrimaryReason reason) {
}
