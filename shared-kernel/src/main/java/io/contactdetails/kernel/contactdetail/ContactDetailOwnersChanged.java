package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.account.AccountId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The contact detail is now owned by exactly {@code accountIds}, in that order. Each owner's own stream says
 * that it was attached or detached, and what that did to its primaries.
 */
@Revision("1")
public record ContactDetailOwnersChanged(ContactDetailId contactDetailId, List<AccountId> accountIds) {
}
