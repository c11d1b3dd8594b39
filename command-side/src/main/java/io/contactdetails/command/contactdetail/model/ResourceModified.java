package io.contactdetails.command.contactdetail.model;

import io.contactdetails.command.DomainRejection;
import io.contactdetails.kernel.contactdetail.ContactDetailId;

/** The detail, an owner or an owner's primary changed since the client read the version it sent (If-Match). */
public class ResourceModified extends DomainRejection {
    public ResourceModified(ContactDetailId id) {
        super("Contact detail " + id + " changed since the version the request names");
    }
}
