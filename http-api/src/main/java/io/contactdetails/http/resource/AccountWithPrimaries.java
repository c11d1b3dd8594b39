package io.contactdetails.http.resource;

import java.util.List;

/**
 * An account and those of its primaries a store read with it: the read model's account documents hold copies of
 * theirs, each written apart from the detail's own document, so a copy may be a version behind for a moment.
 */
public record AccountWithPrimaries(AccountState account, List<ContactDetailState> primaries) {
}
