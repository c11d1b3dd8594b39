package io.contactdetails.kernel.account;

import io.contactdetails.kernel.firm.FirmId;

import java.util.Objects;

public record CreateAccount(AccountId accountId, FirmId firmId, AccountType type, PersonName name) {
    public CreateAccount {
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(firmId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(name);
    }
}
