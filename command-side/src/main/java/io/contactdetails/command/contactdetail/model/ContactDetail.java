package io.contactdetails.command.contactdetail.model;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailName;
import io.contactdetails.kernel.contactdetail.ContactDetailOwnersChanged;
import io.contactdetails.kernel.contactdetail.ContactDetailRemoved;
import io.contactdetails.kernel.contactdetail.ContactDetailRenamed;
import io.contactdetails.kernel.contactdetail.ContactDetailValueChanged;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.ContactValue;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import io.contactdetails.kernel.contactdetail.UpdateContactDetail;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An email address or phone number and who owns it; primaries are the owners' business (see Account). It
 * decides what happens to itself (its label, its value, its owner set, its removal) and tells the handler
 * which owners its decision touches.
 */
@Aggregate
public class ContactDetail {
    @AggregateIdentifier
    private ContactDetailId contactDetailId;
    private FirmId firmId;
    private ContactDetailName name;
    private ContactValue value;
    private List<AccountId> owners;
    private boolean removed;

    /** What an update did to the detail, for its owners to follow: who stays, who comes, who goes. */
    public record Changed(ContactDetailName name, ContactValue value, boolean valueChanged, List<AccountId> staying,
                          List<AccountId> added, List<AccountId> removed) {
    }

    protected ContactDetail() {
    }

    public ContactDetail(CreateContactDetail command) {
        apply(new ContactDetailCreated(command.contactDetailId(), command.firmId(), command.type(),
                command.name().value(), command.value().value(), command.value().phoneNumberMeta(),
                command.owners().accounts()));
    }

    /** A firm's live detail; removed ones and other firms' are not there, and the two are not told apart. */
    public boolean existsIn(FirmId firm) {
        return !removed && firm.equals(firmId);
    }

    public ContactDetailId id() {
        return contactDetailId;
    }

    public ContactType type() {
        return value.type();
    }

    public List<AccountId> owners() {
        return owners;
    }

    /** Records the named changes that differ from what the detail is, and says what they mean for its owners. */
    public Changed update(UpdateContactDetail command) {
        if (!existsIn(command.firmId())) {
            throw new ContactDetailNotFound(contactDetailId);
        }
        command.value().filter(next -> next.type() != type()).ifPresent(next -> {
            throw new IllegalArgumentException("A contact detail keeps its type");
        });
        command.name().filter(next -> !next.equals(name))
                .ifPresent(next -> apply(new ContactDetailRenamed(contactDetailId, next.value())));
        Optional<ContactValue> newValue = command.value().filter(next -> !next.value().equals(value.value()));
        newValue.ifPresent(next -> apply(new ContactDetailValueChanged(contactDetailId, next.type(), next.value(),
                next.phoneNumberMeta())));
        List<AccountId> before = owners;
        List<AccountId> after = command.owners().orElse(before);
        if (!after.equals(before)) {
            apply(new ContactDetailOwnersChanged(contactDetailId, after));
        }
        return new Changed(name, value, newValue.isPresent(),
                after.stream().filter(before::contains).toList(),
                after.stream().filter(owner -> !before.contains(owner)).toList(),
                before.stream().filter(owner -> !after.contains(owner)).toList());
    }

    /** Records the deletion; the owners it had are the handler's to detach, in the same unit of work. */
    public List<AccountId> remove(FirmId firm) {
        if (!existsIn(firm)) {
            throw new ContactDetailNotFound(contactDetailId);
        }
        List<AccountId> formerOwners = owners;
        apply(new ContactDetailRemoved(contactDetailId));
        return formerOwners;
    }

    @EventSourcingHandler
    void on(ContactDetailCreated event) {
        contactDetailId = event.contactDetailId();
        firmId = event.firmId();
        name = new ContactDetailName(event.name());
        value = ContactValue.stored(event.type(), event.value(), event.phoneNumberMeta());
        owners = List.copyOf(event.accountIds());
    }

    @EventSourcingHandler
    void on(ContactDetailRenamed event) {
        name = new ContactDetailName(event.name());
    }

    @EventSourcingHandler
    void on(ContactDetailValueChanged event) {
        value = ContactValue.stored(event.type(), event.value(), event.phoneNumberMeta());
    }

    @EventSourcingHandler
    void on(ContactDetailOwnersChanged event) {
        owners = List.copyOf(event.accountIds());
    }

    @EventSourcingHandler
    void on(ContactDetailRemoved event) {
        removed = true;
    }
}
