package io.contactdetails.http.resource;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the renderer finds the states a resource is built from: the read model on the read side, the event
 * store on the write side, the events up to an instant for point-in-time reads.
 */
public interface ResourceStates {
    /** The accounts among {@code uuids} that exist, by uuid. */
    Map<String, AccountState> accounts(Collection<String> uuids);

    /** The contact details among {@code uuids} that exist, by uuid. */
    Map<String, ContactDetailState> contactDetails(Collection<String> uuids);

    /**
     * The accounts among {@code uuids} that exist, with those of their primaries read in the same round trip: none
     * here, the renderer fetches them; the read model's account documents hold copies of theirs.
     */
    default Owners owners(Collection<String> uuids) {
        return new Owners(accounts(uuids), List.of());
    }

    /** Accounts by uuid, and some of their primaries (the renderer fetches those not among them). */
    record Owners(Map<String, AccountState> accounts, List<ContactDetailState> primaries) {
    }

    default Optional<AccountState> account(String uuid) {
        return Optional.ofNullable(accounts(List.of(uuid)).get(uuid));
    }

    default Optional<ContactDetailState> contactDetail(String uuid) {
        return Optional.ofNullable(contactDetails(List.of(uuid)).get(uuid));
    }
}
