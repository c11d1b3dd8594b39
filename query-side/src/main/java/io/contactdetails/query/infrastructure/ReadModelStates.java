package io.contactdetails.query.infrastructure;

import io.contactdetails.http.resource.AccountState;
import io.contactdetails.http.resource.AccountWithPrimaries;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.http.resource.ResourceStates;
import io.contactdetails.query.account.readmodel.AccountReadModel;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailReadModel;
import org.springframework.stereotype.Component;

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

    /** The accounts' documents hold copies of their primaries ({@code PrimaryCopies}): one find for both. */
    @Override
    public List<AccountWithPrimaries> accountsWithPrimaries(Collection<String> uuids) {
        return accounts.findAllWithPrimaries(uuids);
    }

    @Override
    public Map<String, ContactDetailState> contactDetails(Collection<String> uuids) {
        Map<String, ContactDetailState> found = new HashMap<>();
        contactDetails.findAll(uuids).forEach(detail -> found.put(detail.uuid(), detail));
        return found;
    }
}
