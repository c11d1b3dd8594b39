package io.contactdetails.http.resource;

import java.util.Collection;
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

    default Optional<AccountState> account(String uuid) {
        return Optional.ofNullable(accounts(java.util.List.of(uuid)).get(uuid));
    }

    default Optional<ContactDetailState> contactDetail(String uuid) {
        return Optional.ofNullable(contactDetails(java.util.List.of(uuid)).get(uuid));
    }
}
