package io.contactdetails.kernel.account;

import io.contactdetails.kernel.firm.FirmId;

public record AccountCreated(AccountId accountId, FirmId firmId, AccountType type, String firstName, String lastName) {
}
