package io.contactdetails.query.history;

import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailDetached;
import io.contactdetails.kernel.contactdetail.ContactDetailOwnersChanged;
import io.contactdetails.kernel.contactdetail.ContactDetailRemoved;
import io.contactdetails.kernel.contactdetail.ContactDetailRenamed;
import io.contactdetails.kernel.contactdetail.ContactDetailValueChanged;
import io.contactdetails.kernel.contactdetail.OwnedValueChanged;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.kernel.firm.FirmCreated;

import java.util.Map;

/**
 * The names the audit trail publishes. Written out rather than derived from class names, so renaming a
 * Java type never changes what clients and auditors have stored.
 */
final class EventNames {
    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(FirmCreated.class, "firm_created"),
            Map.entry(AccountCreated.class, "account_created"),
            Map.entry(ContactDetailCreated.class, "contact_detail_created"),
            Map.entry(ContactDetailRenamed.class, "contact_detail_renamed"),
            Map.entry(ContactDetailValueChanged.class, "contact_detail_value_changed"),
            Map.entry(ContactDetailOwnersChanged.class, "contact_detail_owners_changed"),
            Map.entry(ContactDetailRemoved.class, "contact_detail_removed"),
            Map.entry(ContactDetailAttached.class, "contact_detail_attached"),
            Map.entry(ContactDetailDetached.class, "contact_detail_detached"),
            Map.entry(OwnedValueChanged.class, "owned_value_changed"),
            Map.entry(PrimaryAssigned.class, "primary_assigned"),
            Map.entry(PrimaryRevoked.class, "primary_revoked"));

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
