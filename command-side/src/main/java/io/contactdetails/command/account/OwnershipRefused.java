package io.contactdetails.command.account;

import io.contactdetails.command.DomainRejection;
import io.contactdetails.kernel.account.AccountId;

public class OwnershipRefused extends DomainRejection {
    private final AccountId accountId;
    private final Account.OwnershipRefusal refusal;

    public OwnershipRefused(AccountId accountId, Account.OwnershipRefusal refusal) {
        super("Account " + accountId + " may not own this contact detail: " + refusal);
        this.accountId = accountId;
        this.refusal = refusal;
    }

    public AccountId accountId() {
        return accountId;
    }

    public Account.OwnershipRefusal refusal() {
        return refusal;
    }
}
