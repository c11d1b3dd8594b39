package io.contactdetails.query.contactdetail.readmodel;

import io.contactdetails.fixtures.Events;
import io.contactdetails.http.request.PageRequest;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailDetached;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailOwnersChanged;
import io.contactdetails.kernel.contactdetail.ContactDetailRemoved;
import io.contactdetails.kernel.contactdetail.ContactDetailRenamed;
import io.contactdetails.kernel.contactdetail.ContactDetailValueChanged;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.PhoneNumber;
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import io.contactdetails.kernel.firm.FirmId;
import io.contactdetails.query.ReadModelDatabase;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContactDetailProjectionTest {
    private static final Instant T0 = Instant.parse("2025-09-17T14:46:53Z");
    private final ReadModelDatabase mongo = new ReadModelDatabase();
    private final ContactDetailProjection projection = new ContactDetailProjection(mongo.database);
    private final DetailsByAccountProjection byAccount = new DetailsByAccountProjection(mongo.database);
    private final ContactDetailReadModel readModel = new ContactDetailReadModel(mongo.database);
    private final FirmId firm = FirmId.random();
    private final AccountId first = AccountId.random();
    private final AccountId second = AccountId.random();
    private final ContactDetailId phone = ContactDetailId.random();
    private final ContactDetailCreated created = new ContactDetailCreated(phone, firm, ContactType.PHONE_NUMBER,
            "Work phone number", "+443330903630", new PhoneNumberMeta("GB", "0333 090 3630"), List.of(first, second));

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aContactDetailIsReadBackWithItsOwnersAndMeta() {
        projection.on(created, T0, 0);
        assertThat(readModel.find(phone.toString())).contains(new ContactDetailState(phone.toString(),
                firm.toString(), "phone_number", "Work phone number", "+443330903630",
                new PhoneNumberMeta("GB", "0333 090 3630"), List.of(first.toString(), second.toString()), T0, T0, 0));
    }

    @Test
    void handlingTheEventTwiceChangesNothing() {
        projection.on(created, T0, 0);
        ContactDetailState once = readModel.find(phone.toString()).orElseThrow();
        projection.on(created, T0.plusSeconds(7), 0);
        assertThat(readModel.find(phone.toString())).contains(once);
        assertThat(readModel.findAll(List.of(phone.toString()))).containsExactly(once);
    }

    private void lifeOfTheDetail() {
        projection.on(created, T0, 0);
        projection.on(new ContactDetailRenamed(phone, "Mobile"), T0.plusSeconds(1), 1);
        projection.on(new ContactDetailValueChanged(phone, ContactType.PHONE_NUMBER, "+61234567890",
                new PhoneNumberMeta("AU", "(02) 3456 7890")), T0.plusSeconds(2), 2);
        projection.on(new ContactDetailOwnersChanged(phone, List.of(second)), T0.plusSeconds(3), 3);
    }

    @Test
    void changesFollowTheDetailsOwnStreamAndHandlingThemTwiceChangesNothing() {
        lifeOfTheDetail();
        ContactDetailState once = readModel.find(phone.toString()).orElseThrow();
        assertThat(once).isEqualTo(new ContactDetailState(phone.toString(), firm.toString(), "phone_number", "Mobile",
                "+61234567890", new PhoneNumberMeta("AU", "(02) 3456 7890"), List.of(second.toString()), T0,
                T0.plusSeconds(3), 3));
        lifeOfTheDetail();
        assertThat(readModel.find(phone.toString())).contains(once);
    }

    @Test
    void aRemovedDetailLeavesTheReadModelForGoodEvenWhenItsEventsComeAgain() {
        lifeOfTheDetail();
        projection.on(new ContactDetailRemoved(phone), T0.plusSeconds(4), 4);
        assertThat(readModel.find(phone.toString())).isEmpty();
        lifeOfTheDetail();
        projection.on(new ContactDetailRemoved(phone), T0.plusSeconds(4), 4);
        assertThat(readModel.find(phone.toString())).isEmpty();
    }

    @Test
    void pagesAreConfinedToTheFirmFilteredAndOrdered() {
        ContactDetailId email = ContactDetailId.random();
        ContactDetailId elsewhere = ContactDetailId.random();
        projection.on(created, T0, 0);
        projection.on(new ContactDetailCreated(email, firm, ContactType.EMAIL, "Alpha", "a@example.com", null,
                List.of(second)), T0.plusSeconds(1), 0);
        byAccount.on(Events.attachedEmail(second, email, "a@example.com"), 1);
        projection.on(new ContactDetailCreated(elsewhere, FirmId.random(), ContactType.EMAIL, "Other", "o@example.com",
                null, List.of(AccountId.random())), T0, 0);
        ContactDetailQuery all = new ContactDetailQuery(firm.toString(), Optional.empty(), Optional.empty(),
                Optional.empty(), ContactDetailQuery.Sort.DEFAULT, new PageRequest(1, 15));
        assertThat(readModel.page(all).details()).extracting(ContactDetailState::uuid)
                .containsExactly(phone.toString(), email.toString());
        assertThat(readModel.page(all).total()).isEqualTo(2);
        ContactDetailQuery byName = new ContactDetailQuery(firm.toString(), Optional.empty(), Optional.empty(),
                Optional.empty(), new ContactDetailQuery.Sort(ContactDetailQuery.Field.NAME, true), new PageRequest(1, 1));
        assertThat(readModel.page(byName).details()).extracting(ContactDetailState::name).containsExactly("Work phone number");
        ContactDetailQuery emailsOfSecond = new ContactDetailQuery(firm.toString(), Optional.empty(),
                Optional.of(List.of(second.toString())), Optional.of("email"), ContactDetailQuery.Sort.DEFAULT,
                new PageRequest(1, 15));
        assertThat(readModel.page(emailsOfSecond).details()).extracting(ContactDetailState::uuid).containsExactly(email.toString());
        ContactDetailQuery byId = new ContactDetailQuery(firm.toString(), Optional.of(List.of(elsewhere.toString(),
                phone.toString())), Optional.empty(), Optional.empty(), ContactDetailQuery.Sort.DEFAULT, new PageRequest(1, 15));
        assertThat(readModel.page(byId).details()).extracting(ContactDetailState::uuid).containsExactly(phone.toString());
    }

    @Test
    void aPageNarrowedByOwnersIsFoundByIdLookupsAndEachOwnershipEventTwiceChangesNothing() {
        List<List<String>> finds = new ArrayList<>();
        try (ReadModelDatabase watched = ReadModelDatabase.watching(event -> {
            if (event.getCommandName().equals("find")) {
                // the command lives in the driver's buffer only while it is told of it
                finds.add(List.copyOf(event.getCommand().getDocument("filter", new BsonDocument()).keySet()));
            }
        })) {
            ContactDetailProjection details = new ContactDetailProjection(watched.database);
            DetailsByAccountProjection owners = new DetailsByAccountProjection(watched.database);
            ContactDetailReadModel pages = new ContactDetailReadModel(watched.database);
            ContactDetailId kept = ContactDetailId.random();
            ContactDetailId moved = ContactDetailId.random();
            for (int twice = 0; twice < 2; twice++) {
                details.on(created, T0, 0);
                details.on(new ContactDetailCreated(kept, firm, ContactType.EMAIL, "Kept", "k@example.com", null,
                        List.of(first)), T0.plusSeconds(1), 0);
                details.on(new ContactDetailCreated(moved, firm, ContactType.EMAIL, "Moved", "m@example.com", null,
                        List.of(first)), T0.plusSeconds(2), 0);
                owners.on(Events.attached(first, phone, PhoneNumber.parse("+443330903630", "GB")), 1);
                owners.on(Events.attachedEmail(first, kept, "k@example.com"), 2);
                owners.on(Events.attachedEmail(first, moved, "m@example.com"), 3);
                owners.on(new ContactDetailDetached(first, moved, ContactType.EMAIL), 4);
            }
            finds.clear();

            ContactDetailReadModel.Page page = pages.page(new ContactDetailQuery(firm.toString(), Optional.empty(),
                    Optional.of(List.of(first.toString())), Optional.empty(),
                    new ContactDetailQuery.Sort(ContactDetailQuery.Field.CREATED_AT, true), new PageRequest(1, 15)));

            assertThat(page.details()).extracting(ContactDetailState::uuid).containsExactly(kept.toString(), phone.toString());
            assertThat(page.total()).isEqualTo(2);
            assertThat(finds).isNotEmpty().allSatisfy(keys -> assertThat(keys).containsExactly("_id"));
        }
    }
}
