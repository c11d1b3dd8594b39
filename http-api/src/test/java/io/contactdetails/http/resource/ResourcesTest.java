package io.contactdetails.http.resource;

import io.contactdetails.kernel.VersionTag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderer fetches each state it needs once, and none it already holds. */
class ResourcesTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");
    private final Resources resources = new Resources(ZoneId.of("Europe/London"), "");

    private final ContactDetailState email = detail("e-1", "email", "client-1");
    private final ContactDetailState phone = detail("p-1", "phone_number", "client-1");
    private final AccountState client = new AccountState("client-1", "firm-1", "client", "Gareth", "Thompson",
            email.uuid(), phone.uuid(), NOW, NOW, 3);

    /** What the renderer asked the states for, batch by batch. */
    private final List<Collection<String>> detailsAsked = new ArrayList<>();
    private final ResourceStates states = new ResourceStates() {
        @Override
        public Map<String, AccountState> accounts(Collection<String> uuids) {
            return uuids.contains(client.uuid()) ? Map.of(client.uuid(), client) : Map.of();
        }

        @Override
        public Map<String, ContactDetailState> contactDetails(Collection<String> uuids) {
            detailsAsked.add(List.copyOf(uuids));
            return List.of(email, phone).stream().filter(detail -> uuids.contains(detail.uuid()))
                    .collect(Collectors.toMap(ContactDetailState::uuid, Function.identity()));
        }
    };

    @Test
    void aDetailThatIsItsOwnersPrimaryIsNotFetchedAgainToRenderTheOwner() {
        ContactDetailResource rendered = resources.taggedContactDetail(email, states).resource();

        assertThat(detailsAsked).containsExactly(List.of(phone.uuid()));
        assertThat(rendered.accounts()).singleElement().satisfies(owner -> {
            assertThat(owner.primaryEmail().uuid()).isEqualTo(email.uuid());
            assertThat(owner.primaryPhoneNumber().uuid()).isEqualTo(phone.uuid());
        });
        assertThat(rendered.primaryAccounts()).extracting(AccountResource::uuid).containsExactly(client.uuid());
    }

    @Test
    void detailsListedTogetherAreNotFetchedAgainAsTheirOwnersPrimaries() {
        List<ContactDetailResource> rendered = resources.contactDetails(List.of(email, phone),
                Resources.Relations.ALL, states);

        assertThat(detailsAsked.stream().flatMap(Collection::stream)).isEmpty();
        assertThat(rendered).allSatisfy(detail -> assertThat(detail.accounts()).singleElement().satisfies(owner -> {
            assertThat(owner.primaryEmail().uuid()).isEqualTo(email.uuid());
            assertThat(owner.primaryPhoneNumber().uuid()).isEqualTo(phone.uuid());
        }));
    }

    /**
     * Two owners' copies of one primary can be of different versions for a moment (each owner's is written apart):
     * the newer is rendered for both, and tagged.
     */
    @Test
    void ofTwoOwnersCopiesOfAPrimaryTheNewerIsRenderedAndTagged() {
        ContactDetailState shared = new ContactDetailState("e-2", "firm-1", "email", "Shared", "s@example.com", null,
                List.of("client-1", "client-2"), NOW, NOW, 1);
        AccountState other = new AccountState("client-2", "firm-1", "client", "Ada", "Thompson", email.uuid(),
                phone.uuid(), NOW, NOW, 5);
        ContactDetailState older = phoneAt(1, "Old");
        ContactDetailState newer = phoneAt(2, "New");
        ResourceStates holdingCopies = holding(List.of(new AccountWithPrimaries(client, List.of(email, older)),
                new AccountWithPrimaries(other, List.of(email, newer))));

        Resources.Tagged<ContactDetailResource> rendered = resources.taggedContactDetail(shared, holdingCopies);

        assertThat(detailsAsked.stream().flatMap(Collection::stream)).isEmpty();
        assertThat(rendered.resource().accounts()).hasSize(2)
                .allSatisfy(owner -> assertThat(owner.primaryPhoneNumber().name()).isEqualTo("New"));
        assertThat(rendered.etag()).isEqualTo(VersionTag.of(Map.of(shared.uuid(), 1L, client.uuid(), 3L,
                other.uuid(), 5L, email.uuid(), 1L, phone.uuid(), 2L)));
    }

    /**
     * The detail rendered is read before its owners, whose copy of it may be newer by then: the body and its tag
     * name the version the detail shows, nested in its owner as at its top.
     */
    @Test
    void theDetailRenderedIsShownAndTaggedAsReadThoughItsOwnersCopyIsNewer() {
        ContactDetailState newerCopy = phoneAt(2, "Renamed");
        ResourceStates holdingCopies = holding(List.of(new AccountWithPrimaries(client, List.of(email, newerCopy))));

        Resources.Tagged<ContactDetailResource> rendered = resources.taggedContactDetail(phone, holdingCopies);

        assertThat(rendered.resource().name()).isEqualTo("Home");
        assertThat(rendered.resource().accounts()).singleElement()
                .satisfies(owner -> assertThat(owner.primaryPhoneNumber().name()).isEqualTo("Home"));
        assertThat(rendered.etag()).isEqualTo(VersionTag.of(Map.of(phone.uuid(), 1L, client.uuid(), 3L,
                email.uuid(), 1L)));
    }

    private ContactDetailState phoneAt(long version, String name) {
        return new ContactDetailState(phone.uuid(), "firm-1", "phone_number", name, phone.value(), null,
                List.of(client.uuid()), NOW, NOW.plusSeconds(version), version);
    }

    /** States whose accounts come with copies of their primaries, as the read model's. */
    private ResourceStates holding(List<AccountWithPrimaries> accounts) {
        return new ResourceStates() {
            @Override
            public Map<String, AccountState> accounts(Collection<String> uuids) {
                throw new AssertionError("the accounts are read with their primaries");
            }

            @Override
            public Map<String, ContactDetailState> contactDetails(Collection<String> uuids) {
                return states.contactDetails(uuids);
            }

            @Override
            public List<AccountWithPrimaries> accountsWithPrimaries(Collection<String> uuids) {
                return accounts.stream().filter(account -> uuids.contains(account.account().uuid())).toList();
            }
        };
    }

    private static ContactDetailState detail(String uuid, String type, String owner) {
        return new ContactDetailState(uuid, "firm-1", type, "Home", type.equals("email") ? "g@example.com" : "+442071234567",
                null, List.of(owner), NOW, NOW, 1);
    }
}
