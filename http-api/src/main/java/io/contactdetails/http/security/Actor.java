package io.contactdetails.http.security;

import io.contactdetails.http.request.RequestOrigin;
import io.contactdetails.kernel.EventMetaData;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.messaging.MetaData;

import java.util.Map;

/**
 * Who acts in a request: the login ({@code sub}), the employee account it acts as and that account's
 * firm, the tenant; and through which request. Travels with every command as metadata and from there
 * onto every event; on reads, the firm confines what can be seen.
 */
public record Actor(String subject, AccountId accountId, FirmId firmId, RequestOrigin origin) {
    public static final String REQUEST_ATTRIBUTE = "io.contactdetails.http.Actor";

    public MetaData metaData() {
        return origin.metaData(subject).mergedWith(Map.of(
                EventMetaData.ACTING_ACCOUNT, accountId.toString(),
                EventMetaData.FIRM, firmId.toString()));
    }

    public boolean actsIn(FirmId firm) {
        return firmId.equals(firm);
    }

    public boolean actsIn(String firmUuid) {
        return firmId.toString().equals(firmUuid);
    }
}
