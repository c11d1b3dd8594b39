package io.contactdetails.query.infrastructure;

import io.contactdetails.http.resource.AccountState;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.http.resource.ResourceStates;
import io.contactdetails.query.account.readmodel.AccountReadModel;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailReadModel;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The read side renders from its read models, one {@code $in} per kind of document. */
@Component
public class ReadModelStates implements ResourceStates {
    private final AccountReadModel accounts;
    private final ContactDetailReadModel contactDetails;

    public ReadModelStates(AccountReadModel accounts, ContactDetailReadModel contactDetails) {
        this.accounts = accounts;
        this.contactDetails = contactDetails;
    }

    @Override
    public Map<String, AccountState> accounts(Collection<String> uuids) {
        Map<String, AccountState> found = new HashMap<>();
        accounts.findAll(uuids).forEach(account -> found.put(account.uuid(), account));
        return found;
    }

    @Override
    public Map<String, ContactDetailState> contactDetails(Collection<String> uuids) {
        Map<String, ContactDetailState> found = new HashMap<>();
        contactDetails.findAll(uuids).forEach(detail -> found.put(detail.uuid(), detail));
        return found;
    }

    /**
     * These states, which also answer for the contact details among {@code known} (the copies of primaries an
     * account's document holds) without reading them again.
     */
    public ResourceStates knowing(Collection<ContactDetailState> known) {
        Map<String, ContactDetailState> byUuid = new HashMap<>();
        known.forEach(detail -> byUuid.put(detail.uuid(), detail));
        return new ResourceStates() {
            @Override
            public Map<String, AccountState> accounts(Collection<String> uuids) {
                return ReadModelStates.this.accounts(uuids);
            }

            @Override
            public Map<String, ContactDetailState> contactDetails(Collection<String> uuids) {
                Map<String, ContactDetailState> found = new HashMap<>();
                List<String> unknown = new ArrayList<>();
                uuids.forEach(uuid -> {
                    if (byUuid.containsKey(uuid)) {
                        found.put(uuid, byUuid.get(uuid));
                    } else {
                        unknown.add(uuid);
                    }
                });
                found.putAll(ReadModelStates.this.contactDetails(unknown));
                return found;
            }
        };
    }
}
