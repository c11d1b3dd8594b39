package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.account.AccountId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.contactdetails.kernel.contactdetail.ContactDetailOwners.Rule.AT_LEAST_ONE_OWNER;
import static io.contactdetails.kernel.contactdetail.ContactDetailOwners.Rule.DISTINCT_OWNERS;
import static io.contactdetails.kernel.contactdetail.ContactDetailOwners.Rule.DISTINCT_PRIMARIES;
import static io.contactdetails.kernel.contactdetail.ContactDetailOwners.Rule.AT_MOST_MAX_OWNERS;
import static io.contactdetails.kernel.contactdetail.ContactDetailOwners.Rule.PRIMARY_IS_AN_OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Owners that exist are valid: present and distinct, primaries among them; every broken rule is told by position. */
class ContactDetailOwnersTest {
    private static final AccountId OWNER = AccountId.random();
    private static final AccountId OTHER = AccountId.random();

    private static List<ContactDetailOwners.Violation> violations(List<AccountId> owners, List<AccountId> primaries) {
        try {
            ContactDetailOwners.of(owners, primaries);
            return List.of();
        } catch (ContactDetailOwners.Invalid e) {
            return e.violations();
        }
    }

    @Test
    void needsAnOwner() {
        assertThat(violations(List.of(), List.of())).containsExactly(new ContactDetailOwners.Violation(AT_LEAST_ONE_OWNER, 0));
    }

    @Test
    void needsDistinctOwnersAndSaysWhichRepeats() {
        assertThat(violations(List.of(OWNER, OTHER, OWNER), List.of()))
                .containsExactly(new ContactDetailOwners.Violation(DISTINCT_OWNERS, 2));
    }

    @Test
    void isPrimaryOnlyForItsOwnersAndEachOnce() {
        assertThat(violations(List.of(OWNER), List.of(OWNER, AccountId.random(), OWNER))).containsExactly(
                new ContactDetailOwners.Violation(PRIMARY_IS_AN_OWNER, 1),
                new ContactDetailOwners.Violation(DISTINCT_PRIMARIES, 2));
    }

    @Test
    void theCanonicalConstructorKeepsTheSameRules() {
        assertThatThrownBy(() -> new ContactDetailOwners(List.of(OWNER), Set.of(OTHER)))
                .isInstanceOf(ContactDetailOwners.Invalid.class);
    }

    @Test
    void knowsForWhomItIsPrimary() {
        ContactDetailOwners owners = ContactDetailOwners.of(List.of(OWNER, OTHER), List.of(OTHER));
        assertThat(owners.isPrimaryFor(OTHER)).isTrue();
        assertThat(owners.isPrimaryFor(OWNER)).isFalse();
        assertThat(ContactDetailOwners.allPrimary(List.of(OWNER, OTHER)).primaryFor()).containsExactlyInAnyOrder(OWNER, OTHER);
    }

    @Test
    void hasAtMostAHundredOwnersAndSaysWhichIsOneTooMany() {
        List<AccountId> hundred = Stream.generate(AccountId::random).limit(ContactDetailOwners.MAX_OWNERS).toList();
        assertThat(violations(hundred, List.of())).isEmpty();
        List<AccountId> oneMore = Stream.concat(hundred.stream(), Stream.of(AccountId.random())).toList();
        assertThat(violations(oneMore, List.of())).containsExactly(new ContactDetailOwners.Violation(AT_MOST_MAX_OWNERS, 100));
    }
}
