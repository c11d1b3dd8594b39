package io.contactdetails.command.account;

import io.contactdetails.kernel.api.AccountResource;
import io.contactdetails.kernel.api.ApiTime;
import io.contactdetails.kernel.api.ContactDetailResource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.ZoneId;

/** Renders the write side's account state as the API's account resource. */
@Component
public class AccountResources {
    private final ZoneId zone;

    public AccountResources(@Value("${contact-details.time-zone:Europe/London}") ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public AccountResource render(AccountView account) {
        ContactDetailResource email = nested(account.primaryEmail());
        return new AccountResource(account.accountId().toString(), account.type().wireName(), account.firstName(),
                account.lastName(), account.firstName() + " " + account.lastName(),
                email == null ? null : email.value(), email, nested(account.primaryPhoneNumber()),
                ApiTime.format(account.createdAt(), zone), ApiTime.format(account.updatedAt(), zone));
    }

    private ContactDetailResource nested(Account.OwnedContactDetail detail) {
        if (detail == null) {
            return null;
        }
        String at = ApiTime.format(detail.attachedAt(), zone);
        return new ContactDetailResource(detail.id().toString(), detail.name(), detail.type().wireName(),
                detail.value(), detail.phoneNumberMeta(), null, null, at, at);
    }
}
