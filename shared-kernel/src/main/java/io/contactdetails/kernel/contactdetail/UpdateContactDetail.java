package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.InvalidValue;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.firm.FirmId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes what a request names of a contact detail and leaves the rest: its label, its value, its owners
 * (replaced as a set), and which owners hold it as their primary (exactly those, when named). At least one
 * of them is named. Owners and primaries, when both are named, obey the owner rules already. With an
 * {@code expectedTag} (the ETag the client read), the change is made only if the detail is still as it was.
 */
public record UpdateContactDetail(ContactDetailId contactDetailId, FirmId firmId, Optional<ContactDetailName> name,
                                  Optional<ContactValue> value, Optional<List<AccountId>> owners,
                                  Optional<List<AccountId>> primaryFor, Optional<String> expectedTag) {
    public UpdateContactDetail {
        Objects.requireNonNull(contactDetailId);
        Objects.requireNonNull(firmId);
        Objects.requireNonNull(expectedTag);
        owners = owners.map(List::copyOf);
        primaryFor = primaryFor.map(List::copyOf);
        if (name.isEmpty() && value.isEmpty() && owners.isEmpty() && primaryFor.isEmpty()) {
            throw new InvalidValue("An update names at least one of name, value, owners or primaries.");
        }
        List<AccountId> primaries = primaryFor.orElse(List.of());
        owners.ifPresent(accounts -> ContactDetailOwners.of(accounts, primaries));
    }
}
