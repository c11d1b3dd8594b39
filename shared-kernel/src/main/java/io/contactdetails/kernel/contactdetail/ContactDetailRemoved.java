package io.contactdetails.kernel.contactdetail;

import org.axonframework.serialization.Revision;

/** The contact detail was deleted; its owners are detached from it in the same transaction. Its history stays. */
@Revision("1")
public record ContactDetailRemoved(ContactDetailId contactDetailId) {
}
