package io.contactdetails.kernel.firm;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.PersonName;

import java.util.Objects;

/** Opens a firm together with its first employee account, so that someone can act in it. */
public record CreateFirm(FirmId firmId, FirmName name, AccountId firstEmployeeId, PersonName firstEmployeeName) {
    public CreateFirm {
        Objects.requireNonNull(firmId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(firstEmployeeId);
        Objects.requireNonNull(firstEmployeeName);
    }
}
