package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.firm.FirmId;

import java.util.Objects;
import java.util.Optional;

/**
 * Deletes a contact detail: every owner is detached from it first, and primaries pass to a successor. With an
 * {@code expectedTag} (the ETag the client read), only if the detail is still as it was.
 */
public record RemoveContactDetail(ContactDetailId contactDetailId, FirmId firmId, Optional<String> expectedTag) {
    public RemoveContactDetail {
        Objects.requireNonNull(contactDetailId);
        Objects.requireNonNull(firmId);
        Objects.requireNonNull(expectedTag);
    }
}
