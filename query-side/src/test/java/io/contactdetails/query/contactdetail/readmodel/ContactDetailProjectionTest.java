package io.contactdetails.query.contactdetail.readmodel;

import io.contactdetails.http.request.PageRequest;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailOwnersChanged;
import io.contactdetails.kernel.contactdetail.ContactDetailRemoved;
import io.contactdetails.kernel.contactdetail.ContactDetailRenamed;
import io.contactdetails.kernel.contactdetail.ContactDetailValueChanged;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import io.contactdetails.kernel.firm.FirmId;
import io.contactdetails.query.ReadModelDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContactDetailProjectionTest {
    private static final Instant T0 = Instant.parse("2025-09-17T14:46:53Z");
    private final ReadModelDatabase mongo = new ReadModelDatabase();
    private final ContactDetailProjection projection = new ContactDetailProjection(mongo.database);
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
        projection.on(new ContactDetailCreated(elsewhere, FirmId.random(), ContactType.EMAIL, "Other", "o@example.com",
                null, List.of(AccountId.random())), T0, 0);
        ContactDetailQuery all = new ContactDetailQuery(firm.toString(), Optional.empty(), Optional.empty(),
                Optional.empty(), ContactDetailQuery.Sort.DEFAULT, new PageRequest(1, 15));
        assertThat(readModel.page(all)).extracting(ContactDetailState::uuid).containsExactly(phone.toString(), email.toString());
        assertThat(readModel.count(all)).isEqualTo(2);
        ContactDetailQuery byName = new ContactDetailQuery(firm.toString(), Optional.empty(), Optional.empty(),
                Optional.empty(), new ContactDetailQuery.Sort(ContactDetailQuery.Field.NAME, true), new PageRequest(1, 1));
        assertThat(readModel.page(byName)).extracting(ContactDetailState::name).containsExactly("Work phone number");
        ContactDetailQuery emailsOfSecond = new ContactDetailQuery(firm.toString(), Optional.empty(),
                Optional.of(List.of(second.toString())), Optional.of("email"), ContactDetailQuery.Sort.DEFAULT,
                new PageRequest(1, 15));
        assertThat(readModel.page(emailsOfSecond)).extracting(ContactDetailState::uuid).containsExactly(email.toString());
        ContactDetailQuery byId = new ContactDetailQuery(firm.toString(), Optional.of(List.of(elsewhere.toString(),
                phone.toString())), Optional.empty(), Optional.empty(), ContactDetailQuery.Sort.DEFAULT, new PageRequest(1, 15));
        assertThat(readModel.page(byId)).extracting(ContactDetailState::uuid).containsExactly(phone.toString());
    }
}
