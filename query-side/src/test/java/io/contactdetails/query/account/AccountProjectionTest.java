package io.contactdetails.query.account;

import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryReason;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.kernel.firm.FirmId;
import io.contactdetails.query.ReadModelDatabase;
import io.contactdetails.query.infrastructure.PageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The account read model, built by feeding events to the projection; no Spring, no event store. */
class AccountProjectionTest {
    private static final Instant T0 = Instant.parse("2025-09-17T14:46:53Z");
    private final ReadModelDatabase mongo = new ReadModelDatabase();
    private final AccountProjection projection = new AccountProjection(mongo.database);
    private final AccountReadModel readModel = new AccountReadModel(mongo.database);
    private final FirmId firm = FirmId.random();
    private final AccountId client = AccountId.random();
    private final AccountCreated created = new AccountCreated(client, firm, AccountType.CLIENT, "Gareth", "Thompson");

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void anAccountIsReadBackByItsId() {
        projection.on(created, T0);
        AccountDocument account = readModel.find(client.toString()).orElseThrow();
        assertThat(account).isEqualTo(new AccountDocument(client.toString(), firm.toString(), "client", "Gareth",
                "Thompson", null, null, T0, T0));
    }

    @Test
    void primariesFollowAssignedAndRevoked() {
        ContactDetailId first = ContactDetailId.random();
        ContactDetailId second = ContactDetailId.random();
        projection.on(created, T0);
        projection.on(new ContactDetailAttached(client, first, ContactType.EMAIL, "Home", "a@example.com", null), T0.plusSeconds(1));
        projection.on(new PrimaryAssigned(client, ContactType.EMAIL, first, PrimaryReason.REQUESTED), T0.plusSeconds(1));
        assertThat(readModel.find(client.toString()).orElseThrow().primaryEmailUuid()).isEqualTo(first.toString());

        projection.on(new PrimaryRevoked(client, ContactType.EMAIL, first), T0.plusSeconds(2));
        projection.on(new PrimaryAssigned(client, ContactType.EMAIL, second, PrimaryReason.REQUESTED), T0.plusSeconds(2));
        AccountDocument account = readModel.find(client.toString()).orElseThrow();
        assertThat(account.primaryEmailUuid()).isEqualTo(second.toString());
        assertThat(account.primaryPhoneNumberUuid()).isNull();
        assertThat(account.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(account.createdAt()).isEqualTo(T0);
    }

    @Test
    void aStaleRevocationDoesNotClearANewerPrimary() {
        ContactDetailId first = ContactDetailId.random();
        ContactDetailId second = ContactDetailId.random();
        projection.on(created, T0);
        projection.on(new PrimaryAssigned(client, ContactType.PHONE_NUMBER, second, PrimaryReason.REQUESTED), T0);
        projection.on(new PrimaryRevoked(client, ContactType.PHONE_NUMBER, first), T0);
        assertThat(readModel.find(client.toString()).orElseThrow().primaryPhoneNumberUuid()).isEqualTo(second.toString());
    }

    @Test
    void handlingEveryEventTwiceChangesNothing() {
        ContactDetailId first = ContactDetailId.random();
        ContactDetailId second = ContactDetailId.random();
        Runnable history = () -> {
            projection.on(created, T0);
            projection.on(new PrimaryAssigned(client, ContactType.EMAIL, first, PrimaryReason.REQUESTED), T0.plusSeconds(1));
            projection.on(new PrimaryRevoked(client, ContactType.EMAIL, first), T0.plusSeconds(2));
            projection.on(new PrimaryAssigned(client, ContactType.EMAIL, second, PrimaryReason.REQUESTED), T0.plusSeconds(2));
        };
        history.run();
        AccountDocument once = readModel.find(client.toString()).orElseThrow();
        projection.on(created, T0.plusSeconds(9));
        projection.on(new PrimaryRevoked(client, ContactType.EMAIL, first), T0.plusSeconds(2));
        projection.on(new PrimaryAssigned(client, ContactType.EMAIL, second, PrimaryReason.REQUESTED), T0.plusSeconds(2));
        assertThat(readModel.find(client.toString()).orElseThrow()).isEqualTo(once);
        assertThat(readModel.countInFirm(firm.toString())).isEqualTo(1);
    }

    @Test
    void listsAreConfinedToTheFirmAndPaged() {
        projection.on(created, T0);
        for (int i = 0; i < 3; i++) {
            projection.on(new AccountCreated(AccountId.random(), firm, AccountType.CLIENT, "N" + i, "L"), T0.plusSeconds(i + 1));
        }
        projection.on(new AccountCreated(AccountId.random(), FirmId.random(), AccountType.CLIENT, "Other", "Firm"), T0);
        assertThat(readModel.countInFirm(firm.toString())).isEqualTo(4);
        assertThat(readModel.pageInFirm(firm.toString(), new PageRequest(2, 3)))
                .extracting(AccountDocument::firstName).containsExactly("N2");
        assertThat(readModel.pageInFirm(firm.toString(), new PageRequest(1, 2)))
                .extracting(AccountDocument::firstName).containsExactly("Gareth", "N0");
    }

    @Test
    void resetEmptiesTheReadModel() {
        projection.on(created, T0);
        projection.reset();
        assertThat(readModel.find(client.toString())).isEmpty();
    }
}
