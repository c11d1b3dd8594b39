package io.contactdetails.command.contactdetail;

import io.contactdetails.command.account.Account;
import io.contactdetails.command.account.Account.OwnershipRefusal;
import io.contactdetails.command.account.AccountView;
import io.contactdetails.command.infrastructure.AccountDirectory;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Creates a contact detail and attaches it to every owner in one unit of work, hence one transaction: the
 * new stream and every owner's ContactDetailAttached / PrimaryRevoked / PrimaryAssigned commit together.
 * Each owner's {@link Account} decides for itself; this handler only loads, asks and collects.
 */
@Component
public class ContactDetailCommands {
    private final Repository<Account> accounts;
    private final Repository<ContactDetail> contactDetails;
    private final AccountDirectory directory;

    public ContactDetailCommands(Repository<Account> accounts, Repository<ContactDetail> contactDetails,
                                 AccountDirectory directory) {
        this.accounts = accounts;
        this.contactDetails = contactDetails;
        this.directory = directory;
    }

    public record Created(ContactDetailView contactDetail, List<AccountView> owners) {
    }

    @CommandHandler
    public Created handle(CreateContactDetail command) throws Exception {
        Map<Integer, Aggregate<Account>> owners = loadOwnersInLockOrder(command.owners(), command.firmId());
        Map<Integer, OwnershipRefusal> refusals = new TreeMap<>();
        for (int index = 0; index < command.owners().size(); index++) {
            Aggregate<Account> owner = owners.get(index);
            Optional<OwnershipRefusal> refusal = owner == null
                    ? Optional.of(OwnershipRefusal.NOT_A_CLIENT_OF_THE_FIRM)
                    : owner.invoke(account -> account.refusalToOwn(command.firmId(), command.value()));
            if (refusal.isPresent()) {
                refusals.put(index, refusal.get());
            }
        }
        if (!refusals.isEmpty()) {
            throw new OwnersRefused(refusals);
        }
        ContactDetailView created = contactDetails.newInstance(() -> new ContactDetail(command)).invoke(ContactDetail::view);
        for (int index = 0; index < command.owners().size(); index++) {
            AccountId ownerId = command.owners().get(index);
            owners.get(index).execute(account -> account.attach(command.contactDetailId(), command.firmId(),
                    command.name(), command.value(), command.primaryFor().contains(ownerId)));
        }
        return new Created(created, IntStream.range(0, command.owners().size())
                .mapToObj(index -> owners.get(index).invoke(Account::view))
                .toList());
    }

    /**
     * Loading takes each account's lock until commit; taking them in one global order means two requests
     * that share owners queue behind each other instead of deadlocking. Ids the directory does not know in
     * this firm are not loaded at all (so no other firm's account is ever locked); they stay absent and are
     * refused like any other non-client.
     */
    private Map<Integer, Aggregate<Account>> loadOwnersInLockOrder(List<AccountId> ownerIds, FirmId firmId) {
        Map<Integer, Aggregate<Account>> loaded = new LinkedHashMap<>();
        IntStream.range(0, ownerIds.size()).boxed()
                .filter(index -> directory.find(ownerIds.get(index)).filter(entry -> entry.firmId().equals(firmId)).isPresent())
                .sorted(Comparator.comparing(index -> ownerIds.get(index).value()))
                .forEach(index -> loaded.put(index, accounts.load(ownerIds.get(index).toString())));
        return loaded;
    }
}
