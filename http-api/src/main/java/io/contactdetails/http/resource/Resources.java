package io.contactdetails.http.resource;

import io.contactdetails.http.request.PageRequest;
import io.contactdetails.kernel.VersionTag;
import jakarta.servlet.http.HttpServletRequest;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one renderer of the API's resources, for the answers of writes and for every read alike. It is fed
 * plain states and fetches the related ones it needs (owners, primaries) in one batch each. A single
 * resource comes with its tag: the versions of every stream its body was rendered from.
 */
public final class Resources {
    /** Which relations of a contact detail a response carries; one that is left out is absent, not empty. */
    public record Relations(boolean accounts, boolean primaryAccounts) {
        public static final Relations ALL = new Relations(true, true);
        public static final Relations NONE = new Relations(false, false);
    }

    /** A resource and its strong ETag. */
    public record Tagged<T>(T resource, String etag) {
    }

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
        Map<String, String> kept = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("per_page") && values.length > 0) {
                kept.put(name, values[0]);
            }
        });
        return LaravelPage.of(data, page, total, publicBaseUrl + request.getRequestURI(), kept);
    }

    public AccountResource account(AccountState account, ResourceStates states) {
        return taggedAccount(account, states).resource();
    }

    public Tagged<AccountResource> taggedAccount(AccountState account, ResourceStates states) {
        return taggedAccount(account, states, List.of());
    }

    /** As {@link #taggedAccount(AccountState, ResourceStates)}, its primaries among {@code inHand} not fetched again. */
    public Tagged<AccountResource> taggedAccount(AccountState account, ResourceStates states,
                                                 Collection<ContactDetailState> inHand) {
        return taggedAccount(account, primaries(List.of(account), states, inHand));
    }

    /** An account tagged by its stream and its primaries', given the states of those primaries that exist. */
    private Tagged<AccountResource> taggedAccount(AccountState account, Map<String, ContactDetailState> primaries) {
        Map<String, Long> versions = new HashMap<>();
        versions.put(account.uuid(), account.version());
        primaries.values().forEach(primary -> versions.put(primary.uuid(), primary.version()));
        return new Tagged<>(account(account, primaries), VersionTag.of(versions));
    }

    public List<AccountResource> accounts(Collection<AccountState> accounts, ResourceStates states) {
        return accounts(accounts, states, List.of());
    }

    /** As {@link #accounts(Collection, ResourceStates)}, their primaries among {@code inHand} not fetched again. */
    public List<AccountResource> accounts(Collection<AccountState> accounts, ResourceStates states,
                                          Collection<ContactDetailState> inHand) {
        Map<String, ContactDetailState> primaries = primaries(accounts, states, inHand);
        return accounts.stream().map(account -> account(account, primaries)).toList();
    }

    public ContactDetailResource contactDetail(ContactDetailState detail, ResourceStates states) {
        return taggedContactDetail(detail, states).resource();
    }

    /** A detail with all its relations, tagged by its own stream, its owners' and their primaries'. */
    public Tagged<ContactDetailResource> taggedContactDetail(ContactDetailState detail, ResourceStates states) {
        List<AccountWithPrimaries> found = states.accountsWithPrimaries(detail.accountUuids());
        Map<String, AccountState> owners = byUuid(found);
        Map<String, ContactDetailState> primaries = primaries(owners.values(), states, inHand(List.of(detail), found));
        Map<String, Long> versions = new HashMap<>();
        versions.put(detail.uuid(), detail.version());
        owners.values().forEach(owner -> versions.put(owner.uuid(), owner.version()));
        primaries.values().forEach(primary -> versions.put(primary.uuid(), primary.version()));
        return new Tagged<>(contactDetail(detail, Relations.ALL, owners, rendered(owners.values(), primaries)),
                VersionTag.of(versions));
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
        List<AccountWithPrimaries> found = states.accountsWithPrimaries(details.stream()
                .flatMap(detail -> detail.accountUuids().stream()).distinct().toList());
        Map<String, AccountState> owners = byUuid(found);
        Map<String, AccountResource> rendered = rendered(owners.values(),
                primaries(owners.values(), states, inHand(details, found)));
        return details.stream().map(detail -> contactDetail(detail, relations, owners, rendered)).toList();
    }

    private ContactDetailResource contactDetail(ContactDetailState detail, Relations relations,
                                                Map<String, AccountState> owners, Map<String, AccountResource> rendered) {
        List<AccountState> ownersInOrder = detail.accountUuids().stream().map(owners::get).filter(Objects::nonNull).toList();
        List<AccountResource> accounts = ownersInOrder.stream().map(owner -> rendered.get(owner.uuid())).toList();
        List<AccountResource> primaryFor = ownersInOrder.stream()
                .filter(owner -> detail.uuid().equals(owner.primaryOf(detail.type())))
                .map(owner -> rendered.get(owner.uuid())).toList();
        return contactDetail(detail, relations.accounts() ? accounts : null,
                relations.primaryAccounts() ? primaryFor : null);
    }

    private Map<String, AccountResource> rendered(Collection<AccountState> accounts,
                                                  Map<String, ContactDetailState> primaries) {
        return accounts.stream().map(account -> account(account, primaries))
                .collect(Collectors.toMap(AccountResource::uuid, Function.identity()));
    }

    private static Map<String, AccountState> byUuid(List<AccountWithPrimaries> accounts) {
        return accounts.stream().map(AccountWithPrimaries::account)
                .collect(Collectors.toMap(AccountState::uuid, Function.identity()));
    }

    /**
     * The states in hand to render owners with: the details being rendered, over any copy of themselves (the body and
     * its tag then name the version the body shows), and of their owners' copies of other primaries the newest (each
     * owner's copy is written apart, so one may lag another for a moment).
     */
    private static Map<String, ContactDetailState> inHand(Collection<ContactDetailState> rendered,
                                                          List<AccountWithPrimaries> owners) {
        Map<String, ContactDetailState> held = newest(owners.stream().flatMap(owner -> owner.primaries().stream()).toList());
        rendered.forEach(detail -> held.put(detail.uuid(), detail));
        return held;
    }

    private static Map<String, ContactDetailState> newest(Collection<ContactDetailState> states) {
        return states.stream().collect(Collectors.toMap(ContactDetailState::uuid, Function.identity(),
                (one, other) -> other.version() > one.version() ? other : one, HashMap::new));
    }

    private static Map<String, ContactDetailState> primaries(Collection<AccountState> accounts, ResourceStates states,
                                                             Collection<ContactDetailState> inHand) {
        return primaries(accounts, states, newest(inHand));
    }

    /**
     * The primaries of {@code accounts}; those in hand are not fetched again: a new primary is both the detail a write
     * answers with and its owner's primary, and an account's read-model document holds copies of its primaries.
     */
    private static Map<String, ContactDetailState> primaries(Collection<AccountState> accounts, ResourceStates states,
                                                             Map<String, ContactDetailState> held) {
        List<String> uuids = accounts.stream()
                .flatMap(account -> Stream.of(account.primaryEmailUuid(), account.primaryPhoneNumberUuid()))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, ContactDetailState> primaries = new HashMap<>(states.contactDetails(
                uuids.stream().filter(uuid -> !held.containsKey(uuid)).toList()));
        uuids.stream().filter(held::containsKey).forEach(uuid -> primaries.put(uuid, held.get(uuid)));
        return primaries;
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
