package io.contactdetails.kernel.contactdetail;

import org.axonframework.serialization.Revision;

/** The contact detail's label changed, e.g. from "Home email" to "Work email". */
@Revision("1")
public record ContactDetailRenamed(ContactDetailId contactDetailId, String name) {
}
