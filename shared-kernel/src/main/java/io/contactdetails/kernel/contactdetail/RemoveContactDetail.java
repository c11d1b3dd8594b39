package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.firm.FirmId;

import java.util.Objects;

/** Deletes a contact detail: every owner is detached from it first, and primaries pass to a successor. */
public record RemoveContactDetail(ContactDetailId contactDetailId, FirmId firmId) {
    public RemoveContactDetail {
        Objects.requireNonNull(contactDetailId);
        Objects.requireNonNull(firmId);
    }
}
