package io.contactdetails.command.contactdetail.application;

import io.contactdetails.command.account.model.Account;
import io.contactdetails.command.account.model.OwnershipRefusal;
import io.contactdetails.command.contactdetail.model.ContactDetail;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Creates a contact detail and attaches it to every owner in one unit of work, hence one transaction: the
 * new stream and every owner's ContactDetailAttached / PrimaryRevoked / PrimaryAssigned commit together, or,
 * when any owner refuses, none of them. Each owner's {@link Account} decides for itself; this handler only
 * loads, asks and collects the refusals by the owner's position in the command.
 */
@Component
public class ContactDetailCommands {
    private final Repository<Account> accounts;
    private final Repository<ContactDetail> contactDetails;

    public ContactDetailCommands(Repository<Account> accounts, Repository<ContactDetail> contactDetails) {
        this.accounts = accounts;
        this.contactDetails = contactDetails;
    }

    @CommandHandler
    public void handle(CreateContactDetail command) throws Exception {
        List<AccountId> owners = command.owners().accounts();
        Map<AccountId, Aggregate<Account>> loaded = loadInLockOrder(owners);
        contactDetails.newInstance(() -> new ContactDetail(command));
        Map<Integer, OwnershipRefusal> refusals = new TreeMap<>();
        for (int index = 0; index < owners.size(); index++) {
            AccountId owner = owners.get(index);
            Aggregate<Account> account = loaded.get(owner);
            Optional<OwnershipRefusal> refusal = account == null
                    ? Optional.of(OwnershipRefusal.NOT_A_CLIENT_OF_THE_FIRM)
                    : account.invoke(it -> it.attach(command.contactDetailId(), command.firmId(), command.name(),
                    command.value(), command.owners().isPrimaryFor(owner)));
            int position = index;
            refusal.ifPresent(reason -> refusals.put(position, reason));
        }
        if (!refusals.isEmpty()) {
            throw new OwnersRefused(refusals);
        }
    }

    /**
     * Loading takes each account's lock until commit; taking them in one global order means two requests
     * that share owners queue behind each other instead of deadlocking. An id that names no account stays absent.
     */
    private Map<AccountId, Aggregate<Account>> loadInLockOrder(List<AccountId> ids) {
        Map<AccountId, Aggregate<Account>> loaded = new HashMap<>();
        ids.stream().sorted(Comparator.comparing(AccountId::value)).forEach(id -> {
            try {
                loaded.put(id, accounts.load(id.toString()));
            } catch (AggregateNotFoundException | IncompatibleAggregateException notAnAccount) {
                // no stream, or another kind of stream (a firm, a contact detail): refused like any non-client
            }
        });
        return loaded;
    }
}
