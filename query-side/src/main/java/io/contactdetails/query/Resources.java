package io.contactdetails.query;

import io.contactdetails.kernel.api.AccountResource;
import io.contactdetails.kernel.api.ApiTime;
import io.contactdetails.kernel.api.ContactDetailResource;
import io.contactdetails.query.account.AccountDocument;
import io.contactdetails.query.account.AccountReadModel;
import io.contactdetails.query.contactdetail.ContactDetailDocument;
import io.contactdetails.query.contactdetail.ContactDetailReadModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns read-model documents into the API's resources, fetching related documents in one {@code $in} each. */
@Component
public class Resources {
    private final AccountReadModel accounts;
    private final ContactDetailReadModel contactDetails;
    private final ZoneId zone;

    public Resources(AccountReadModel accounts, ContactDetailReadModel contactDetails,
                     @Value("${contact-details.time-zone:Europe/London}") ZoneId zone) {
        this.accounts = accounts;
        this.contactDetails = contactDetails;
        this.zone = zone;
    }

    public List<AccountResource> accounts(Collection<AccountDocument> documents) {
        Map<String, ContactDetailDocument> primaries = contactDetails.findAll(documents.stream()
                        .flatMap(account -> Stream.of(account.primaryEmailUuid(), account.primaryPhoneNumberUuid()))
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(ContactDetailDocument::uuid, Function.identity()));
        return documents.stream().map(account -> account(account, primaries)).toList();
    }

    public ContactDetailResource contactDetail(ContactDetailDocument detail) {
        Map<String, AccountDocument> owners = accounts.findAll(detail.accountUuids()).stream()
                .collect(Collectors.toMap(AccountDocument::uuid, Function.identity()));
        List<AccountDocument> inOrder = detail.accountUuids().stream().map(owners::get).filter(Objects::nonNull).toList();
        return contactDetail(detail, accounts(inOrder));
    }

    /** An account whose primary contact details the caller already has, keyed by uuid. */
    public AccountResource account(AccountDocument account, Map<String, ContactDetailDocument> primaries) {
        ContactDetailDocument email = account.primaryEmailUuid() == null ? null : primaries.get(account.primaryEmailUuid());
        ContactDetailDocument phone = account.primaryPhoneNumberUuid() == null ? null
                : primaries.get(account.primaryPhoneNumberUuid());
        return new AccountResource(account.uuid(), account.type(), account.firstName(), account.lastName(),
                account.firstName() + " " + account.lastName(), email == null ? null : email.value(),
                nested(email), nested(phone),
                ApiTime.format(account.createdAt(), zone), ApiTime.format(account.updatedAt(), zone));
    }

    private ContactDetailResource nested(ContactDetailDocument detail) {
        return detail == null ? null : contactDetail(detail, null).withoutRelations();
    }

    private ContactDetailResource contactDetail(ContactDetailDocument detail, List<AccountResource> owners) {
        return new ContactDetailResource(detail.uuid(), detail.name(), detail.type(), detail.value(),
                detail.phoneNumberMeta(), owners, detail.primaryAccountUuids(),
                ApiTime.format(detail.createdAt(), zone), ApiTime.format(detail.updatedAt(), zone));
    }
}
