package io.contactdetails.command.account;

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
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person in a firm, and the model that keeps the invariant: for every type, at most one primary contact
 * detail, and it is one of the account's own.
 */
// Snapshots serialize the fields with the event serializer (Jackson), hence field visibility.
@Aggregate(snapshotTriggerDefinition = "accountSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Account {
    @AggregateIdentifier
    private AccountId accountId;
    private FirmId firmId;
    private AccountType type;
    private String firstName;
    private String lastName;
    private Instant createdAt;
    private Instant updatedAt;
    private List<OwnedContactDetail> contactDetails = new ArrayList<>();
    private Map<ContactType, ContactDetailId> primaries = new EnumMap<>(ContactType.class);

    /** What the account knows of a contact detail it owns, as it was attached. */
    public record OwnedContactDetail(ContactDetailId id, ContactType type, String name, String value,
                                     PhoneNumberMeta phoneNumberMeta, Instant attachedAt) {
    }

    public enum OwnershipRefusal {
        /** Unknown, of another firm, or not a client: told apart nowhere, so nothing leaks across firms. */
        NOT_A_CLIENT_OF_THE_FIRM,
        SAME_VALUE_ALREADY_OWNED
    }

    protected Account() {
    }

    /** Constructed by {@link AccountCommands}, which answers with the new account's state. */
    Account(CreateAccount command) {
        apply(new AccountCreated(command.accountId(), command.firmId(), command.type(),
                command.name().firstName(), command.name().lastName()));
    }

    /** Why this account may not own a new contact detail of {@code firm} with {@code value}, if it may not. */
    public Optional<OwnershipRefusal> refusalToOwn(FirmId firm, ContactValue value) {
        // type is null when the id named another kind of stream (a firm, a contact detail)
        if (type == null || !firm.equals(firmId) || !type.ownsContactDetails()) {
            return Optional.of(OwnershipRefusal.NOT_A_CLIENT_OF_THE_FIRM);
        }
        boolean owned = contactDetails.stream()
                .anyMatch(detail -> detail.type() == value.type() && detail.value().equals(value.value()));
        return owned ? Optional.of(OwnershipRefusal.SAME_VALUE_ALREADY_OWNED) : Optional.empty();
    }

    /**
     * Takes ownership of a new contact detail. It becomes the primary of its type when asked, or when the
     * account has none of that type yet; a change of primary revokes the old one first.
     */
    public void attach(ContactDetailId id, FirmId firm, ContactDetailName name, ContactValue value, boolean asPrimary) {
        refusalToOwn(firm, value).ifPresent(refusal -> {
            throw new OwnershipRefused(accountId, refusal);
        });
        apply(new ContactDetailAttached(accountId, id, value.type(), name.value(), value.value(), value.phoneNumberMeta()));
        ContactDetailId current = primaries.get(value.type());
        if (asPrimary || current == null) {
            if (current != null) {
                apply(new PrimaryRevoked(accountId, value.type(), current));
            }
            apply(new PrimaryAssigned(accountId, value.type(), id,
                    asPrimary ? PrimaryReason.REQUESTED : PrimaryReason.FIRST_OF_ITS_TYPE));
        }
    }

    @EventSourcingHandler
    void on(AccountCreated event, @Timestamp Instant at) {
        accountId = event.accountId();
        firmId = event.firmId();
        type = event.type();
        firstName = event.firstName();
        lastName = event.lastName();
        createdAt = at;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(ContactDetailAttached event, @Timestamp Instant at) {
        contactDetails.add(new OwnedContactDetail(event.contactDetailId(), event.type(), event.name(), event.value(),
                event.phoneNumberMeta(), at));
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(PrimaryRevoked event, @Timestamp Instant at) {
        primaries.remove(event.type(), event.contactDetailId());
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(PrimaryAssigned event, @Timestamp Instant at) {
        primaries.put(event.type(), event.contactDetailId());
        updatedAt = at;
    }

    public AccountView view() {
        return new AccountView(accountId, firmId, type, firstName, lastName,
                primary(ContactType.EMAIL), primary(ContactType.PHONE_NUMBER), createdAt, updatedAt);
    }

    private OwnedContactDetail primary(ContactType contactType) {
        ContactDetailId id = primaries.get(contactType);
        return contactDetails.stream().filter(detail -> detail.id().equals(id)).findFirst().orElse(null);
    }
}
