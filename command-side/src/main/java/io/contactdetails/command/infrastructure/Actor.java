package io.contactdetails.command.infrastructure;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.messaging.MetaData;

import java.util.Map;

/**
 * Who acts in a request: the login ({@code sub}), the employee account it acts as and that account's
 * firm, the tenant. Travels with every command as metadata and from there onto every event.
 */
public record Actor(String subject, AccountId accountId, FirmId firmId, String requestId) {
    public static final String REQUEST_ATTRIBUTE = "io.contactdetails.command.Actor";

    public MetaData metaData() {
        return MetaData.from(Map.of(
                EventMetaData.SUBJECT, subject,
                EventMetaData.ACTING_ACCOUNT, accountId.toString(),
                EventMetaData.FIRM, firmId.toString(),
                EventMetaData.REQUEST_ID, requestId));
    }
}
