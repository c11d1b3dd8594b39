package io.contactdetails.query.contactdetail.readmodel;

import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import io.contactdetails.kernel.firm.FirmId;
import io.contactdetails.query.ReadModelDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

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
}
