package io.contactdetails.http.resource;

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

    /** Owners' copies of one primary can be of different versions for a moment (each owner's is written apart). */
    @Test
    void ofTwoCopiesOfAPrimaryHeldBesideItsOwnersTheNewerIsRendered() {
        ContactDetailState older = new ContactDetailState(phone.uuid(), "firm-1", "phone_number", "Old", phone.value(),
                null, List.of(client.uuid()), NOW, NOW, 1);
        ContactDetailState newer = new ContactDetailState(phone.uuid(), "firm-1", "phone_number", "New", phone.value(),
                null, List.of(client.uuid()), NOW, NOW.plusSeconds(1), 2);
        ResourceStates holdingCopies = new ResourceStates() {
            @Override
            public Map<String, AccountState> accounts(Collection<String> uuids) {
                return states.accounts(uuids);
            }

            @Override
            public Map<String, ContactDetailState> contactDetails(Collection<String> uuids) {
                return states.contactDetails(uuids);
            }

            @Override
            public Owners owners(Collection<String> uuids) {
                return new Owners(accounts(uuids), List.of(older, newer, older));
            }
        };

        ContactDetailResource rendered = resources.taggedContactDetail(email, holdingCopies).resource();

        assertThat(detailsAsked.stream().flatMap(Collection::stream)).isEmpty();
        assertThat(rendered.accounts()).singleElement()
                .satisfies(owner -> assertThat(owner.primaryPhoneNumber().name()).isEqualTo("New"));
    }

    private static ContactDetailState detail(String uuid, String type, String owner) {
        return new ContactDetailState(uuid, "firm-1", type, "Home", type.equals("email") ? "g@example.com" : "+442071234567",
                null, List.of(owner), NOW, NOW, 1);
    }
}
