package io.contactdetails.command.account;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.firm.FirmId;

import java.time.Instant;

/** The state of an account right after a command, for the write API's response. */
public record AccountView(AccountId accountId, FirmId firmId, AccountType type, String firstName, String lastName,
                          Account.OwnedContactDetail primaryEmail, Account.OwnedContactDetail primaryPhoneNumber,
                          Instant createdAt, Instant updatedAt) {
}
