package io.contactdetails.command.firm.model;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.PersonName;
import io.contactdetails.kernel.firm.CreateFirm;
import io.contactdetails.kernel.firm.FirmCreated;
import io.contactdetails.kernel.firm.FirmId;
import io.contactdetails.kernel.firm.FirmName;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class FirmTest {
    @Test
    void creatingAFirmRecordsItsName() {
        FirmId firm = FirmId.random();
        new AggregateTestFixture<>(Firm.class)
                .givenNoPriorActivity()
                .whenConstructing(() -> new Firm(new CreateFirm(firm, new FirmName("  Thompson Advice "), AccountId.random(),
                        new PersonName("Ada", "Lovelace"))))
                .expectEvents(new FirmCreated(firm, "Thompson Advice"));
    }
}
