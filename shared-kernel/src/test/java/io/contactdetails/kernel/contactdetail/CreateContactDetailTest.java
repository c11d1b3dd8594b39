package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.InvalidValue;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.firm.FirmId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A command that exists is valid: owners present and distinct, primaries among them. */
class CreateContactDetailTest {
    private static final AccountId OWNER = AccountId.random();

    private static CreateContactDetail command(List<AccountId> owners, Set<AccountId> primaryFor) {
        return new CreateContactDetail(ContactDetailId.random(), FirmId.random(), new ContactDetailName("Home"),
                new EmailAddress("a@example.com"), owners, primaryFor);
    }

    @Test
    void needsAnOwner() {
        assertThatThrownBy(() -> command(List.of(), Set.of())).isInstanceOf(InvalidValue.class);
    }

    @Test
    void needsDistinctOwners() {
        assertThatThrownBy(() -> command(List.of(OWNER, OWNER), Set.of())).isInstanceOf(InvalidValue.class);
    }

    @Test
    void isPrimaryOnlyForItsOwners() {
        assertThatThrownBy(() -> command(List.of(OWNER), Set.of(AccountId.random()))).isInstanceOf(InvalidValue.class);
    }
}
