package io.contactdetails.http.security;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.firm.FirmId;

import java.util.Optional;

/**
 * Who an account is (its firm and type), for deciding whether a request may act as it. Each side answers
 * from its own store: the write side from its directory, the read side from its read model. A process that
 * holds both asks them in their {@code @Order}.
 */
public interface AccountLookup {
    record KnownAccount(AccountId accountId, FirmId firmId, AccountType type) {
    }

    Optional<KnownAccount> find(AccountId accountId);
}
