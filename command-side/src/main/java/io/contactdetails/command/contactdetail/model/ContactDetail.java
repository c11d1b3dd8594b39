package io.contactdetails.command.contactdetail.model;

import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An email address or phone number and who owns it; primaries are the owners' business (see Account). It
 * decides nothing yet beyond coming into being, so it keeps only its identity.
 */
@Aggregate
public class ContactDetail {
    @AggregateIdentifier
    private ContactDetailId contactDetailId;

    protected ContactDetail() {
    }

    public ContactDetail(CreateContactDetail command) {
        apply(new ContactDetailCreated(command.contactDetailId(), command.firmId(), command.type(),
                command.name().value(), command.value().value(), command.value().phoneNumberMeta(),
                command.owners().accounts()));
    }

    @EventSourcingHandler
    void on(ContactDetailCreated event) {
        contactDetailId = event.contactDetailId();
    }
}
