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
     * The accounts among {@code uuids} that exist, each with those of its primaries read in the same round trip (the
     * renderer fetches the rest): none here; the read model's account documents hold copies of theirs.
     */
    default List<AccountWithPrimaries> accountsWithPrimaries(Collection<String> uuids) {
        return accounts(uuids).values().stream().map(account -> new AccountWithPrimaries(account, List.of())).toList();
    }

    default Optional<AccountState> account(String uuid) {
        return Optional.ofNullable(accounts(List.of(uuid)).get(uuid));
    }

    default Optional<ContactDetailState> contactDetail(String uuid) {
        return Optional.ofNullable(contactDetails(List.of(uuid)).get(uuid));
    }
}
