package io.contactdetails.query.account;

import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.account.AccountType;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who an acting account is (its type and firm) for authorizing reads. The read model answers almost
 * always; an account created a moment ago may not be projected yet, and then its first event does, so a
 * new firm's first employee can read straight after being created.
 */
@Component
public class ActingAccounts {
    public record ActingAccount(String uuid, AccountType type, String firmUuid) {
    }

    private final AccountReadModel accounts;
    private final EventStore eventStore;

    public ActingAccounts(AccountReadModel accounts, EventStore eventStore) {
        this.accounts = accounts;
        this.eventStore = eventStore;
    }

    public Optional<ActingAccount> find(String uuid) {
        return accounts.find(uuid)
                .map(account -> new ActingAccount(uuid, AccountType.fromWireName(account.type()), account.firmUuid()))
                .or(() -> eventStore.readEvents(uuid, 0).asStream().findFirst()
                        .map(event -> event.getPayload())
                        .filter(AccountCreated.class::isInstance).map(AccountCreated.class::cast)
                        .map(created -> new ActingAccount(uuid, created.type(), created.firmId().toString())));
    }
}
