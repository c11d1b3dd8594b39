package io.contactdetails.http.resource;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one renderer of the API's resources, for the answers of writes and for every read alike. It is fed
 * plain states and fetches the related ones it needs (owners, primaries) in one batch each.
 */
public final class Resources {
    /** Which relations of a contact detail a response carries; one that is left out is absent, not empty. */
    public record Relations(boolean accounts, boolean primaryAccounts) {
        public static final Relations ALL = new Relations(true, true);
        public static final Relations NONE = new Relations(false, false);
    }

    private final ZoneId zone;

    public Resources(ZoneId zone) {
        this.zone = zone;
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
        return contactDetails(List.of(detail), Relations.ALL, states).get(0);
    }

    /**
     * Contact details with the relations asked for. Who holds a detail as primary is read from its owners,
     * whose streams say so, so the owners are fetched for either relation, all of them in one batch.
     */
    public List<ContactDetailResource> contactDetails(List<ContactDetailState> details, Relations relations,
                                                      ResourceStates states) {
        if (!relations.accounts() && !relations.primaryAccounts()) {
            return details.stream().map(detail -> contactDetail(detail, null, null)).toList();
        }
        Map<String, AccountState> owners = states.accounts(details.stream()
                .flatMap(detail -> detail.accountUuids().stream()).distinct().toList());
        Map<String, AccountResource> rendered = accounts(owners.values(), states).stream()
                .collect(Collectors.toMap(AccountResource::uuid, Function.identity()));
        return details.stream().map(detail -> {
            List<AccountState> ownersInOrder = detail.accountUuids().stream().map(owners::get)
                    .filter(Objects::nonNull).toList();
            List<AccountResource> accounts = ownersInOrder.stream().map(owner -> rendered.get(owner.uuid())).toList();
            List<AccountResource> primaryFor = ownersInOrder.stream()
                    .filter(owner -> detail.uuid().equals(owner.primaryOf(detail.type())))
                    .map(owner -> rendered.get(owner.uuid())).toList();
            return contactDetail(detail, relations.accounts() ? accounts : null,
                    relations.primaryAccounts() ? primaryFor : null);
        }).toList();
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
        return detail == null ? null : contactDetail(detail, null, null);
    }

    private ContactDetailResource contactDetail(ContactDetailState detail, List<AccountResource> accounts,
                                                List<AccountResource> primaryAccounts) {
        return new ContactDetailResource(detail.uuid(), detail.name(), detail.type(), detail.value(),
                detail.phoneNumberMeta(), accounts, primaryAccounts,
                ApiTime.format(detail.createdAt(), zone), ApiTime.format(detail.updatedAt(), zone));
    }
}
