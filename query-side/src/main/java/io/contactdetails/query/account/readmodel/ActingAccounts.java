package io.contactdetails.query.account.readmodel;

import io.contactdetails.http.security.AccountLookup;
import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Who an acting account is (its type and firm) for authorizing reads. The read model answers almost
 * always; an account created a moment ago may not be projected yet, and then its first event does, so a
 * new firm's first employee can read straight after being created.
 */
@Component
public class ActingAccounts implements AccountLookup {
    private final AccountReadModel accounts;
    private final EventStore eventStore;

    public ActingAccounts(AccountReadModel accounts, EventStore eventStore) {
        this.accounts = accounts;
        this.eventStore = eventStore;
    }

    @Override
    public Optional<KnownAccount> find(AccountId accountId) {
        return accounts.find(accountId.toString())
                .map(account -> new KnownAccount(accountId, new FirmId(UUID.fromString(account.firmUuid())),
                        AccountType.fromWireName(account.type())))
                .or(() -> eventStore.readEvents(accountId.toString(), 0).asStream().findFirst()
                        .map(event -> event.getPayload())
                        .filter(AccountCreated.class::isInstance).map(AccountCreated.class::cast)
                        .map(created -> new KnownAccount(accountId, created.firmId(), created.type())));
    }
}
