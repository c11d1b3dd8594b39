package io.contactdetails.command.contactdetail.application;

import io.contactdetails.command.HandlerFixture;
import io.contactdetails.command.account.model.OwnershipRefusal;
import io.contactdetails.command.contactdetail.model.ContactDetailNotFound;
import io.contactdetails.command.contactdetail.model.ResourceModified;
import io.contactdetails.fixtures.Events;
import io.contactdetails.kernel.VersionTag;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailDetached;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailName;
import io.contactdetails.kernel.contactdetail.ContactDetailOwners;
import io.contactdetails.kernel.contactdetail.ContactDetailOwnersChanged;
import io.contactdetails.kernel.contactdetail.ContactDetailRemoved;
import io.contactdetails.kernel.contactdetail.ContactDetailRenamed;
import io.contactdetails.kernel.contactdetail.ContactDetailValueChanged;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.ContactValue;
import io.contactdetails.kernel.contactdetail.EmailAddress;
import io.contactdetails.kernel.contactdetail.OwnedValueChanged;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.kernel.contactdetail.RemoveContactDetail;
import io.contactdetails.kernel.contactdetail.RevocationReason;
import io.contactdetails.kernel.contactdetail.UpdateContactDetail;
import io.contactdetails.kernel.firm.FirmId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Changing, moving and deleting a contact detail, specified at the handler that loads the detail and its owners. */
class ContactDetailLifecycleCommandsTest {
    private static final FirmId FIRM = FirmId.random();
    private static final AccountId ADA = new AccountId(new UUID(0, 1));
    private static final AccountId BOB = new AccountId(new UUID(0, 2));
    private static final EmailAddress SHARED = new EmailAddress("shared@example.com");

    private final HandlerFixture fixture = new HandlerFixture();
    private final ContactDetailCommands handler = new ContactDetailCommands(fixture.accounts, fixture.contactDetails,
            fixture.eventStore);
    private final ContactDetailId detail = ContactDetailId.random();

    private HandlerFixture.Outcome when(Object command) {
        return fixture.when(() -> {
            if (command instanceof UpdateContactDetail update) {
                handler.handle(update);
            } else {
                handler.handle((RemoveContactDetail) command);
            }
            return null;
        });
    }

    private static UpdateContactDetail update(ContactDetailId id, Optional<ContactValue> value,
                                              Optional<List<AccountId>> owners, Optional<List<AccountId>> primaries) {
        return new UpdateContactDetail(id, FIRM, Optional.empty(), value, owners, primaries, Optional.empty());
    }

    private void givenClient(AccountId id, Object... later) {
        fixture.given("Account", id.toString(), Events.clientCreated(id, FIRM));
        fixture.given("Account", id.toString(), later);
    }

    /** The detail, owned by {@code owners}, each of which already holds it as its primary email. */
    private void givenDetailPrimaryFor(ContactDetailId id, EmailAddress value, AccountId... owners) {
        fixture.given("ContactDetail", id.toString(), Events.created(id, FIRM, value, List.of(owners)));
        for (AccountId owner : owners) {
            fixture.given("Account", owner.toString(), Events.attached(owner, id, value),
                    new PrimaryAssigned(owner, ContactType.EMAIL, id, PrimaryReason.FIRST_OF_ITS_TYPE));
        }
    }

    @Test
    void movingADetailDetachesTheOldOwnerAndAttachesTheNewOne() {
        givenClient(ADA);
        givenClient(BOB);
        givenDetailPrimaryFor(detail, SHARED, ADA);

        HandlerFixture.Outcome outcome = when(update(detail, Optional.empty(), Optional.of(List.of(BOB)), Optional.empty()));

        assertThat(outcome.failure()).isNull();
        assertThat(outcome.accountsLoaded()).containsExactly(ADA.toString(), BOB.toString());
        assertThat(outcome.events()).containsExactly(
                new ContactDetailOwnersChanged(detail, List.of(BOB)),
                new PrimaryRevoked(ADA, ContactType.EMAIL, detail, RevocationReason.DETACHED),
                new ContactDetailDetached(ADA, detail, ContactType.EMAIL),
                Events.attached(BOB, detail, SHARED),
                new PrimaryAssigned(BOB, ContactType.EMAIL, detail, PrimaryReason.FIRST_OF_ITS_TYPE));
    }

    @Test
    void namedPrimariesAreExactlyThoseThatHoldIt() {
        ContactDetailId bobsOwn = ContactDetailId.random();
        givenClient(ADA);
        givenClient(BOB, Events.attachedEmail(BOB, bobsOwn, "bob@example.com"),
                new PrimaryAssigned(BOB, ContactType.EMAIL, bobsOwn, PrimaryReason.FIRST_OF_ITS_TYPE));
        fixture.given("ContactDetail", detail.toString(), Events.created(detail, FIRM, SHARED, List.of(ADA, BOB)));
        fixture.given("Account", ADA.toString(), Events.attached(ADA, detail, SHARED),
                new PrimaryAssigned(ADA, ContactType.EMAIL, detail, PrimaryReason.FIRST_OF_ITS_TYPE));
        fixture.given("Account", BOB.toString(), Events.attached(BOB, detail, SHARED));

        HandlerFixture.Outcome outcome = when(update(detail, Optional.empty(), Optional.empty(), Optional.of(List.of(BOB))));

        assertThat(outcome.events()).containsExactly(
                new PrimaryRevoked(ADA, ContactType.EMAIL, detail, RevocationReason.REVOKED_ON_REQUEST),
                new PrimaryRevoked(BOB, ContactType.EMAIL, bobsOwn, RevocationReason.REPLACED),
                new PrimaryAssigned(BOB, ContactType.EMAIL, detail, PrimaryReason.REQUESTED));
    }

    @Test
    void aNewValueIsRecordedOnTheDetailAndOnEveryOwner() {
        givenClient(ADA);
        givenClient(BOB);
        givenDetailPrimaryFor(detail, SHARED, ADA, BOB);
        EmailAddress moved = new EmailAddress("moved@example.com");

        HandlerFixture.Outcome outcome = fixture.when(() -> {
            handler.handle(new UpdateContactDetail(detail, FIRM, Optional.of(new ContactDetailName("Work")),
                    Optional.of(moved), Optional.empty(), Optional.empty(), Optional.empty()));
            return null;
        });

        assertThat(outcome.events()).containsExactly(
                new ContactDetailRenamed(detail, "Work"),
                new ContactDetailValueChanged(detail, ContactType.EMAIL, "moved@example.com", null),
                new OwnedValueChanged(ADA, detail, ContactType.EMAIL, "moved@example.com", null),
                new OwnedValueChanged(BOB, detail, ContactType.EMAIL, "moved@example.com", null));
    }

    @Test
    void aValueAnOwnerHoldsInAnotherDetailIsRefusedAndNothingIsWritten() {
        givenClient(ADA, Events.attachedEmail(ADA, ContactDetailId.random(), "taken@example.com"));
        givenClient(BOB);
        givenDetailPrimaryFor(detail, SHARED, BOB, ADA);

        HandlerFixture.Outcome outcome = when(update(detail, Optional.of(new EmailAddress("taken@example.com")),
                Optional.empty(), Optional.empty()));

        assertThat(outcome.failure()).isInstanceOfSatisfying(OwnersRefused.class, refused ->
                assertThat(refused.refusals()).containsExactly(entry(1, OwnershipRefusal.SAME_VALUE_ALREADY_OWNED)));
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    void primariesMustBeAmongTheOwnersItHas() {
        givenClient(ADA);
        givenClient(BOB);
        givenDetailPrimaryFor(detail, SHARED, ADA);

        HandlerFixture.Outcome outcome = when(update(detail, Optional.empty(), Optional.empty(), Optional.of(List.of(BOB))));

        assertThat(outcome.failure()).isInstanceOfSatisfying(ContactDetailOwners.Invalid.class, invalid ->
                assertThat(invalid.violations()).containsExactly(
                        new ContactDetailOwners.Violation(ContactDetailOwners.Rule.PRIMARY_IS_AN_OWNER, 0)));
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    void deletingAPrimaryPassesItToTheMostRecentlyAttachedRemainingDetail() {
        ContactDetailId older = ContactDetailId.random();
        ContactDetailId newer = ContactDetailId.random();
        givenClient(ADA, Events.attachedEmail(ADA, older, "older@example.com"),
                new PrimaryAssigned(ADA, ContactType.EMAIL, older, PrimaryReason.FIRST_OF_ITS_TYPE));
        fixture.given("ContactDetail", detail.toString(), Events.created(detail, FIRM, SHARED, List.of(ADA)));
        fixture.given("Account", ADA.toString(), Events.attached(ADA, detail, SHARED),
                new PrimaryRevoked(ADA, ContactType.EMAIL, older, RevocationReason.REPLACED),
                new PrimaryAssigned(ADA, ContactType.EMAIL, detail, PrimaryReason.REQUESTED),
                Events.attachedEmail(ADA, newer, "newer@example.com"));

        HandlerFixture.Outcome outcome = when(new RemoveContactDetail(detail, FIRM, Optional.empty()));

        assertThat(outcome.events()).containsExactly(
                new ContactDetailRemoved(detail),
                new PrimaryRevoked(ADA, ContactType.EMAIL, detail, RevocationReason.DETACHED),
                new ContactDetailDetached(ADA, detail, ContactType.EMAIL),
                new PrimaryAssigned(ADA, ContactType.EMAIL, newer, PrimaryReason.SUCCEEDS_REMOVED_PRIMARY));
    }

    @Test
    void deletingTheOnlyDetailOfATypeLeavesNoPrimary() {
        givenClient(ADA);
        givenDetailPrimaryFor(detail, SHARED, ADA);

        HandlerFixture.Outcome outcome = when(new RemoveContactDetail(detail, FIRM, Optional.empty()));

        assertThat(outcome.events()).containsExactly(
                new ContactDetailRemoved(detail),
                new PrimaryRevoked(ADA, ContactType.EMAIL, detail, RevocationReason.DETACHED),
                new ContactDetailDetached(ADA, detail, ContactType.EMAIL));
    }

    @Test
    void anotherFirmsDetailAnUnknownIdAndADeletedDetailAreNotFound() {
        givenClient(ADA);
        givenDetailPrimaryFor(detail, SHARED, ADA);
        assertThat(fixture.when(() -> {
            handler.handle(new RemoveContactDetail(detail, FirmId.random(), Optional.empty()));
            return null;
        }).failure()).isInstanceOf(ContactDetailNotFound.class);
        assertThat(when(new RemoveContactDetail(ContactDetailId.random(), FIRM, Optional.empty())).failure())
                .isInstanceOf(ContactDetailNotFound.class);
        assertThat(when(new RemoveContactDetail(new ContactDetailId(ADA.value()), FIRM, Optional.empty())).failure())
                .as("an account's id").isInstanceOf(ContactDetailNotFound.class);

        assertThat(when(new RemoveContactDetail(detail, FIRM, Optional.empty())).failure()).isNull();
        assertThat(when(update(detail, Optional.empty(), Optional.empty(), Optional.of(List.of()))).failure())
                .isInstanceOf(ContactDetailNotFound.class);
    }

    @Test
    void aChangeAgainstTheVersionTheDetailHasPassesAndAgainstAnOlderOneIsRefusedWithNothingWritten() {
        givenClient(ADA);
        givenDetailPrimaryFor(detail, SHARED, ADA);
        // the detail's stream holds one event (0), Ada's three (0-2); the detail is Ada's primary
        String current = VersionTag.of(Map.of(detail.toString(), 0L, ADA.toString(), 2L));
        String stale = VersionTag.of(Map.of(detail.toString(), 0L, ADA.toString(), 1L));
        UpdateContactDetail rename = new UpdateContactDetail(detail, FIRM, Optional.of(new ContactDetailName("Renamed")),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(stale));

        HandlerFixture.Outcome refused = fixture.when(() -> {
            handler.handle(rename);
            return null;
        });
        assertThat(refused.failure()).isInstanceOf(ResourceModified.class);
        assertThat(refused.events()).isEmpty();

        HandlerFixture.Outcome passed = fixture.when(() -> {
            handler.handle(new UpdateContactDetail(detail, FIRM, Optional.of(new ContactDetailName("Renamed")),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(current)));
            return null;
        });
        assertThat(passed.events()).containsExactly(new ContactDetailRenamed(detail, "Renamed"));
        assertThat(when(new RemoveContactDetail(detail, FIRM, Optional.of(current))).failure())
                .as("the rename moved the detail on").isInstanceOf(ResourceModified.class);
    }
}
