package io.contactdetails.command.account.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.account.CreateAccount;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailName;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.ContactValue;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person in a firm, and the model that keeps the invariant: for every type, at most one primary contact
 * detail, and it is one of the account's own. It keeps only what its decisions need (its firm, its type,
 * the values it owns, its primaries); what the API shows of an account is folded from the events elsewhere.
 */
// Snapshots serialize the fields with the event serializer (Jackson), hence field visibility. The revision
// names the snapshot's shape: snapshots of another shape are skipped and the account is sourced from events.
@Aggregate(snapshotTriggerDefinition = "accountSnapshotTrigger")
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Account {
    @AggregateIdentifier
    private AccountId accountId;
    private FirmId firmId;
    private AccountType type;
    private List<OwnedValue> owned = new ArrayList<>();
    private Map<ContactType, ContactDetailId> primaries = new EnumMap<>(ContactType.class);

    /** A contact value the account owns, by the detail that holds it: what "already owned" compares. */
    record OwnedValue(ContactDetailId id, ContactType type, String value) {
    }

    protected Account() {
    }

    public Account(CreateAccount command) {
        apply(new AccountCreated(command.accountId(), command.firmId(), command.type(),
                command.name().firstName(), command.name().lastName()));
    }

    /**
     * Takes ownership of a new contact detail, or says why not. It becomes the primary of its type when asked,
     * or when the account has none of that type yet; a change of primary revokes the old one first.
     */
    public Optional<OwnershipRefusal> attach(ContactDetailId id, FirmId firm, ContactDetailName name, ContactValue value,
                                             boolean asPrimary) {
        // type is null when the id named another kind of stream (a firm, a contact detail)
        if (type == null || !firm.equals(firmId) || !type.ownsContactDetails()) {
            return Optional.of(OwnershipRefusal.NOT_A_CLIENT_OF_THE_FIRM);
        }
        if (owned.stream().anyMatch(detail -> detail.type() == value.type() && detail.value().equals(value.value()))) {
            return Optional.of(OwnershipRefusal.SAME_VALUE_ALREADY_OWNED);
        }
        apply(new ContactDetailAttached(accountId, id, value.type(), name.value(), value.value(), value.phoneNumberMeta()));
        ContactDetailId current = primaries.get(value.type());
        if (asPrimary || current == null) {
            if (current != null) {
                apply(new PrimaryRevoked(accountId, value.type(), current));
            }
            apply(new PrimaryAssigned(accountId, value.type(), id,
                    asPrimary ? PrimaryReason.REQUESTED : PrimaryReason.FIRST_OF_ITS_TYPE));
        }
        return Optional.empty();
    }

    /** For specifications that check what the events left behind. */
    ContactDetailId primaryOf(ContactType contactType) {
        return primaries.get(contactType);
    }

    @EventSourcingHandler
    void on(AccountCreated event) {
        accountId = event.accountId();
        firmId = event.firmId();
        type = event.type();
    }

    @EventSourcingHandler
    void on(ContactDetailAttached event) {
        owned.add(new OwnedValue(event.contactDetailId(), event.type(), event.value()));
    }

    @EventSourcingHandler
    void on(PrimaryRevoked event) {
        primaries.remove(event.type(), event.contactDetailId());
    }

    @EventSourcingHandler
    void on(PrimaryAssigned event) {
        primaries.put(event.type(), event.contactDetailId());
    }
}
