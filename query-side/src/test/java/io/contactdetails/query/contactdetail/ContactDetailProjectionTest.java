package io.contactdetails.query.contactdetail;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
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
        projection.on(created, T0);
        assertThat(readModel.find(phone.toString()).orElseThrow()).isEqualTo(new ContactDetailDocument(phone.toString(),
                firm.toString(), "phone_number", "Work phone number", "+443330903630",
                new PhoneNumberMeta("GB", "0333 090 3630"), List.of(first.toString(), second.toString()), List.of(), T0, T0));
    }

    @Test
    void primaryAccountsFollowAssignedAndRevokedIdempotently() {
        projection.on(created, T0);
        projection.on(new PrimaryAssigned(first, ContactType.PHONE_NUMBER, phone, PrimaryReason.REQUESTED), T0);
        projection.on(new PrimaryAssigned(first, ContactType.PHONE_NUMBER, phone, PrimaryReason.REQUESTED), T0);
        projection.on(new PrimaryAssigned(second, ContactType.PHONE_NUMBER, phone, PrimaryReason.REQUESTED), T0);
        assertThat(readModel.find(phone.toString()).orElseThrow().primaryAccountUuids())
                .containsExactly(first.toString(), second.toString());
        projection.on(new PrimaryRevoked(first, ContactType.PHONE_NUMBER, phone), T0.plusSeconds(5));
        projection.on(new PrimaryRevoked(first, ContactType.PHONE_NUMBER, phone), T0.plusSeconds(5));
        ContactDetailDocument document = readModel.find(phone.toString()).orElseThrow();
        assertThat(document.primaryAccountUuids()).containsExactly(second.toString());
        assertThat(document.updatedAt()).isEqualTo(T0.plusSeconds(5));
        projection.on(created, T0.plusSeconds(7));
        assertThat(readModel.find(phone.toString()).orElseThrow()).isEqualTo(document);
    }
}
