package io.contactdetails.command.contactdetail;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An email address or phone number and who owns it; primaries are the owners' business (see Account). */
@Aggregate
public class ContactDetail {
    @AggregateIdentifier
    private ContactDetailId contactDetailId;
    private FirmId firmId;
    private ContactType type;
    private String name;
    private String value;
    private PhoneNumberMeta phoneNumberMeta;
    private List<AccountId> owners;
    private Instant createdAt;
    private Instant updatedAt;

    protected ContactDetail() {
    }

    ContactDetail(CreateContactDetail command) {
        apply(new ContactDetailCreated(command.contactDetailId(), command.firmId(), command.type(),
                command.name().value(), command.value().value(), command.value().phoneNumberMeta(), command.owners()));
    }

    @EventSourcingHandler
    void on(ContactDetailCreated event, @Timestamp Instant at) {
        contactDetailId = event.contactDetailId();
        firmId = event.firmId();
        type = event.type();
        name = event.name();
        value = event.value();
        phoneNumberMeta = event.phoneNumberMeta();
        owners = event.accountIds();
        createdAt = at;
        updatedAt = at;
    }

    public ContactDetailView view() {
        return new ContactDetailView(contactDetailId, firmId, type, name, value, phoneNumberMeta, owners, createdAt, updatedAt);
    }
}
