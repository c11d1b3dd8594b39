package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.InvalidValue;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.firm.FirmId;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Creates a contact detail owned by {@code owners} and makes it the primary of its type for
 * {@code primaryFor}. Owners that have no primary of the type yet get it as their primary anyway.
 */
public record CreateContactDetail(ContactDetailId contactDetailId, FirmId firmId, ContactDetailName name,
                                  ContactValue value, List<AccountId> owners, Set<AccountId> primaryFor) {
    public CreateContactDetail {
        Objects.requireNonNull(contactDetailId);
        Objects.requireNonNull(firmId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
        owners = List.copyOf(owners);
        primaryFor = Set.copyOf(primaryFor);
        if (owners.isEmpty()) {
            throw new InvalidValue("A contact detail needs at least one owner.");
        }
        if (new HashSet<>(owners).size() != owners.size()) {
            throw new InvalidValue("The owners of a contact detail must be distinct.");
        }
        if (!owners.containsAll(primaryFor)) {
            throw new InvalidValue("A contact detail can only be primary for its owners.");
        }
    }

    public ContactType type() {
        return value.type();
    }
}
