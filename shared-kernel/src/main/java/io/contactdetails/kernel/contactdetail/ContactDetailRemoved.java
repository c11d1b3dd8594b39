package io.contactdetails.kernel.contactdetail;

import org.axonframework.serialization.Revision;

/** The contact detail was deleted; its owners were detached from it first. Its history stays. */
@Revision("1")
public record ContactDetailRemoved(ContactDetailId contactDetailId) {
}
