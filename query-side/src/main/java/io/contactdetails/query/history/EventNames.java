package io.contactdetails.query.history;

import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.kernel.firm.FirmCreated;

import java.util.Map;

/**
 * The names the audit trail publishes. Written out rather than derived from class names, so renaming a
 * Java type never changes what clients and auditors have stored.
 */
final class EventNames {
    private static final Map<Class<?>, String> NAMES = Map.of(
            FirmCreated.class, "firm_created",
            AccountCreated.class, "account_created",
            ContactDetailCreated.class, "contact_detail_created",
            ContactDetailAttached.class, "contact_detail_attached",
            PrimaryAssigned.class, "primary_assigned",
            PrimaryRevoked.class, "primary_revoked");

    private EventNames() {
    }

    static String of(Class<?> payloadType) {
        String name = NAMES.get(payloadType);
        if (name == null) {
            throw new IllegalStateException("No audit name for " + payloadType.getName());
        }
        return name;
    }
}
