package io.contactdetails.kernel.account;

import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountCreated(AccountId accountId, FirmId firmId, AccountType type, String firstName, String lastName) {
}
