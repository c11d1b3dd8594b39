package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.account.AccountId;
import org.axonframework.serialization.Revision;

/**
 * The contact detail stopped being the account's primary of its type, and why. Revision 2 added
 * {@code reason}; {@link PrimaryRevokedUpcaster} reads revision 1 as {@link RevocationReason#NOT_RECORDED}.
 */
@Revision("2")
public record PrimaryRevoked(AccountId accountId, ContactType type, ContactDetailId contactDetailId,
                             RevocationReason reason) {
}
