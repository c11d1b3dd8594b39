package io.contactdetails.command.contactdetail.model;

import io.contactdetails.command.DomainRejection;
import io.contactdetails.kernel.contactdetail.ContactDetailId;

/** No live contact detail of the acting firm has this id: unknown, deleted, or another firm's. */
public class ContactDetailNotFound extends DomainRejection {
    public ContactDetailNotFound(ContactDetailId id) {
        super("No contact detail " + id);
    }
}
