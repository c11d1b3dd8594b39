package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.firm.FirmId;

import java.util.Objects;

/**
 * Creates a contact detail owned by {@code owners} and makes it the primary of its type for those the owners
 * name as primaries. Owners that have no primary of the type yet get it as their primary anyway. Every part
 * validates itself, so a command that exists is valid.
 */
public record CreateContactDetail(ContactDetailId contactDetailId, FirmId firmId, ContactDetailName name,
                                  ContactValue value, ContactDetailOwners owners) {
    public CreateContactDetail {
        Objects.requireNonNull(contactDetailId);
        Objects.requireNonNull(firmId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
        Objects.requireNonNull(owners);
    }

    public ContactType type() {
        return value.type();
    }
}
