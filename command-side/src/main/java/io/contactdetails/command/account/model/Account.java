package io.contactdetails.command.account.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.account.CreateAccount;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailDetached;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailName;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.ContactValue;
import io.contactdetails.kernel.contactdetail.OwnedValueChanged;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.kernel.contactdetail.RevocationReason;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person in a firm, and the model that keeps the invariant: for every type, at most one primary contact
 * detail, and it is one of the account's own. It keeps only what its decisions need (its firm, its type,
 * the values it owns in the order they were attached, its primaries); what the API shows of an account is
 * folded from the events elsewhere.
 */
// Snapshots serialize the fields with the event serializer (Jackson), hence field visibility. The revision
// names the snapshot's shape: snapshots of another shape are skipped and the account is sourced from events.
// Its repository (AxonConfig) takes snapshots and keeps accounts in memory between commands.
@Aggregate(repository = "accountRepository")
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Account {
    @AggregateIdentifier
    private AccountId accountId;
    private FirmId firmId;
    private AccountType type;
    /** Oldest attached first: succession picks from the end. */
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

    /** Whether the account may own contact details of {@code firm} at all. */
    public boolean isClientOf(FirmId firm) {
        // type is null when the id named another kind of stream
        return type != null && firm.equals(firmId) && type.ownsContactDetails();
    }

    public boolean owns(ContactDetailId id) {
        return owned.stream().anyMatch(detail -> detail.id().equals(id));
    }

    /** The details the account holds as primaries: what its resource shows besides itself. */
    public Collection<ContactDetailId> primaryIds() {
        return List.copyOf(primaries.values());
    }

    /**
     * Takes ownership of a contact detail, or says why not; what it does to the primary of its type is
     * {@code choice}'s. A change of primary revokes the old one first.
     */
    public Optional<OwnershipRefusal> attach(ContactDetailId id, FirmId firm, ContactDetailName name, ContactValue value,
                                             PrimaryChoice choice) {
        if (!isClientOf(firm)) {
            return Optional.of(OwnershipRefusal.NOT_A_CLIENT_OF_THE_FIRM);
        }
        if (holdsElsewhere(id, value)) {
            return Optional.of(OwnershipRefusal.SAME_VALUE_ALREADY_OWNED);
        }
        apply(new ContactDetailAttached(accountId, id, value.type(), name.value(), value.value(), value.phoneNumberMeta()));
        ContactDetailId current = primaries.get(value.type());
        if (choice == PrimaryChoice.PRIMARY) {
            makePrimary(id, value.type(), PrimaryReason.REQUESTED);
        } else if (choice == PrimaryChoice.PRIMARY_IF_NONE && current == null) {
            makePrimary(id, value.type(), PrimaryReason.FIRST_OF_ITS_TYPE);
        }
        return Optional.empty();
    }

    /** Takes a new value for a detail it owns, or says why not: its values stay distinct within a type. */
    public Optional<OwnershipRefusal> changeValue(ContactDetailId id, ContactValue value) {
        if (holdsElsewhere(id, value)) {
            return Optional.of(OwnershipRefusal.SAME_VALUE_ALREADY_OWNED);
        }
        apply(new OwnedValueChanged(accountId, id, value.type(), value.value(), value.phoneNumberMeta()));
        return Optional.empty();
    }

    /**
     * Lets go of a detail. When it was the primary of its type, the most recently attached remaining detail of
     * that type succeeds it; with none left, the account has no primary of the type.
     */
    public void detach(ContactDetailId id) {
        OwnedValue leaving = ownedDetail(id);
        boolean wasPrimary = id.equals(primaries.get(leaving.type()));
        if (wasPrimary) {
            apply(new PrimaryRevoked(accountId, leaving.type(), id, RevocationReason.DETACHED));
        }
        apply(new ContactDetailDetached(accountId, id, leaving.type()));
        if (wasPrimary) {
            owned.stream().filter(detail -> detail.type() == leaving.type()).reduce((older, newer) -> newer)
                    .ifPresent(successor -> apply(new PrimaryAssigned(accountId, leaving.type(), successor.id(),
                            PrimaryReason.SUCCEEDS_REMOVED_PRIMARY)));
        }
    }

    /** Makes an owned detail the primary of its type, as asked; nothing happens when it already is. */
    public void choosePrimary(ContactDetailId id) {
        OwnedValue chosen = ownedDetail(id);
        if (!id.equals(primaries.get(chosen.type()))) {
            makePrimary(id, chosen.type(), PrimaryReason.REQUESTED);
        }
    }

    /** Stops an owned detail being the primary, as asked: no successor, the account keeps no primary of the type. */
    public void revokePrimary(ContactDetailId id) {
        OwnedValue revoked = ownedDetail(id);
        if (id.equals(primaries.get(revoked.type()))) {
            apply(new PrimaryRevoked(accountId, revoked.type(), id, RevocationReason.REVOKED_ON_REQUEST));
        }
    }

    private void makePrimary(ContactDetailId id, ContactType contactType, PrimaryReason reason) {
        ContactDetailId current = primaries.get(contactType);
        if (current != null) {
            apply(new PrimaryRevoked(accountId, contactType, current, RevocationReason.REPLACED));
        }
        apply(new PrimaryAssigned(accountId, contactType, id, reason));
    }

    private boolean holdsElsewhere(ContactDetailId id, ContactValue value) {
        return owned.stream().anyMatch(detail -> !detail.id().equals(id) && detail.type() == value.type()
                && detail.value().equals(value.value()));
    }

    private OwnedValue ownedDetail(ContactDetailId id) {
        return owned.stream().filter(detail -> detail.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Account " + accountId + " does not own " + id));
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
    void on(OwnedValueChanged event) {
        owned.replaceAll(detail -> detail.id().equals(event.contactDetailId())
                ? new OwnedValue(detail.id(), detail.type(), event.value()) : detail);
    }

    @EventSourcingHandler
    void on(ContactDetailDetached event) {
        owned.removeIf(detail -> detail.id().equals(event.contactDetailId()));
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
