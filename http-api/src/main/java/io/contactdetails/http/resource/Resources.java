package io.contactdetails.http.resource;

import io.contactdetails.http.request.PageRequest;
import jakarta.servlet.http.HttpServletRequest;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The one renderer of the API's resources, for the answers of writes and for every read alike. It is fed
 * plain states and fetches the related ones it needs (owners, primaries) in one batch each.
 */
public final class Resources {
    private final ZoneId zone;
    private final String publicBaseUrl;

    /** {@code publicBaseUrl}: where clients reach the API ({@code https://api.example.com}), or null for relative links. */
    public Resources(ZoneId zone, String publicBaseUrl) {
        this.zone = zone;
        this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
    }

    /**
     * A page of a list, linking to its other pages under the configured public base URL, or relative to the
     * host when there is none; never under the Host or X-Forwarded-Host the request claims.
     */
    public <T> LaravelPage<T> page(List<T> data, PageRequest page, long total, HttpServletRequest request) {
        return LaravelPage.of(data, page, total, publicBaseUrl + request.getRequestURI());
    }

    public AccountResource account(AccountState account, ResourceStates states) {
        return accounts(List.of(account), states).get(0);
    }

    public List<AccountResource> accounts(Collection<AccountState> accounts, ResourceStates states) {
        Map<String, ContactDetailState> primaries = states.contactDetails(accounts.stream()
                .flatMap(account -> Stream.of(account.primaryEmailUuid(), account.primaryPhoneNumberUuid()))
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return accounts.stream().map(account -> account(account, primaries)).toList();
    }

    public ContactDetailResource contactDetail(ContactDetailState detail, ResourceStates states) {
        Map<String, AccountState> found = states.accounts(detail.accountUuids());
        List<AccountState> owners = detail.accountUuids().stream().map(found::get).filter(Objects::nonNull).toList();
        List<String> primaryFor = owners.stream()
                .filter(owner -> detail.uuid().equals(owner.primaryOf(detail.type())))
                .map(AccountState::uuid)
                .toList();
        return new ContactDetailResource(detail.uuid(), detail.name(), detail.type(), detail.value(),
                detail.phoneNumberMeta(), accounts(owners, states), primaryFor,
                ApiTime.format(detail.createdAt(), zone), ApiTime.format(detail.updatedAt(), zone));
    }

    private AccountResource account(AccountState account, Map<String, ContactDetailState> primaries) {
        ContactDetailResource email = nested(primary(account.primaryEmailUuid(), primaries));
        return new AccountResource(account.uuid(), account.type(), account.firstName(), account.lastName(),
                account.firstName() + " " + account.lastName(), email == null ? null : email.value(),
                email, nested(primary(account.primaryPhoneNumberUuid(), primaries)),
                ApiTime.format(account.createdAt(), zone), ApiTime.format(account.updatedAt(), zone));
    }

    private static ContactDetailState primary(String uuid, Map<String, ContactDetailState> primaries) {
        return uuid == null ? null : primaries.get(uuid);
    }

    /** A contact detail inside an account: without its relations, as Laravel leaves out relations it did not load. */
    private ContactDetailResource nested(ContactDetailState detail) {
        return detail == null ? null : new ContactDetailResource(detail.uuid(), detail.name(), detail.type(),
                detail.value(), detail.phoneNumberMeta(), null, null,
                ApiTime.format(detail.createdAt(), zone), ApiTime.format(detail.updatedAt(), zone));
    }
}
