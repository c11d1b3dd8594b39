package io.contactdetails.command.contactdetail.application;

import io.contactdetails.command.account.model.Account;
import io.contactdetails.command.account.model.OwnershipRefusal;
import io.contactdetails.command.account.model.PrimaryChoice;
import io.contactdetails.command.contactdetail.model.ContactDetail;
import io.contactdetails.command.contactdetail.model.ContactDetailNotFound;
import io.contactdetails.command.contactdetail.model.ResourceModified;
import io.contactdetails.kernel.VersionTag;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailName;
import io.contactdetails.kernel.contactdetail.ContactDetailOwners;
import io.contactdetails.kernel.contactdetail.ContactValue;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import io.contactdetails.kernel.contactdetail.RemoveContactDetail;
import io.contactdetails.kernel.contactdetail.UpdateContactDetail;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The life of a contact detail, each command in one unit of work, hence one transaction: the detail's own
 * events and every owner's attach, detach, value and primary events commit together, or, when any owner
 * refuses, none of them. The detail and each owner's {@link Account} decide for themselves; this handler
 * only loads them, asks, and collects refusals by the owner's position in the request.
 */
@Component
public class ContactDetailCommands {
    private final Repository<Account> accounts;
    private final Repository<ContactDetail> contactDetails;
    private final EventStore eventStore;

    public ContactDetailCommands(Repository<Account> accounts, Repository<ContactDetail> contactDetails,
                                 EventStore eventStore) {
        this.accounts = accounts;
        this.contactDetails = contactDetails;
        this.eventStore = eventStore;
    }

    @CommandHandler
    public void handle(CreateContactDetail command) throws Exception {
        List<AccountId> owners = command.owners().accounts();
        Map<AccountId, Aggregate<Account>> loaded = loadInLockOrder(owners);
        contactDetails.newInstance(() -> new ContactDetail(command));
        Map<Integer, OwnershipRefusal> refusals = new TreeMap<>();
        for (int index = 0; index < owners.size(); index++) {
            AccountId owner = owners.get(index);
            PrimaryChoice choice = command.owners().isPrimaryFor(owner) ? PrimaryChoice.PRIMARY : PrimaryChoice.PRIMARY_IF_NONE;
            attach(loaded.get(owner), command.contactDetailId(), command.firmId(), command.name(), command.value(), choice)
                    .ifPresent(refusal -> refusals.put(owners.indexOf(owner), refusal));
        }
        throwIfAny(refusals);
    }

    @CommandHandler
    public void handle(UpdateContactDetail command) throws Exception {
        Aggregate<ContactDetail> detail = loadDetail(command.contactDetailId(), command.firmId());
        List<AccountId> before = detail.invoke(ContactDetail::owners);
        List<AccountId> after = command.owners().orElse(before);
        command.primaryFor().ifPresent(primaries -> ContactDetailOwners.of(after, primaries));
        Set<AccountId> involved = new LinkedHashSet<>(before);
        involved.addAll(after);
        Map<AccountId, Aggregate<Account>> loaded = loadInLockOrder(involved);
        throwIfModified(command.expectedTag(), detail, before, loaded);

        ContactDetail.Changed changed = detail.invoke(it -> it.update(command));
        ContactDetailId id = command.contactDetailId();
        changed.removed().forEach(owner -> loaded.get(owner).execute(account -> account.detach(id)));
        Map<Integer, OwnershipRefusal> refusals = new TreeMap<>();
        for (int index = 0; index < after.size(); index++) {
            AccountId owner = after.get(index);
            Aggregate<Account> account = loaded.get(owner);
            Optional<OwnershipRefusal> refusal;
            if (changed.added().contains(owner)) {
                PrimaryChoice choice = command.primaryFor()
                        .map(primaries -> primaries.contains(owner) ? PrimaryChoice.PRIMARY : PrimaryChoice.NOT_PRIMARY)
                        .orElse(PrimaryChoice.PRIMARY_IF_NONE);
                refusal = attach(account, id, command.firmId(), changed.name(), changed.value(), choice);
            } else {
                refusal = changed.valueChanged()
                        ? account.invoke(it -> it.changeValue(id, changed.value()))
                        : Optional.empty();
                command.primaryFor().ifPresent(primaries -> account.execute(it -> {
                    if (primaries.contains(owner)) {
                        it.choosePrimary(id);
                    } else {
                        it.revokePrimary(id);
                    }
                }));
            }
            int position = index;
            refusal.ifPresent(reason -> refusals.put(position, reason));
        }
        throwIfAny(refusals);
    }

    @CommandHandler
    public void handle(RemoveContactDetail command) throws Exception {
        Aggregate<ContactDetail> detail = loadDetail(command.contactDetailId(), command.firmId());
        List<AccountId> owners = detail.invoke(ContactDetail::owners);
        Map<AccountId, Aggregate<Account>> loaded = loadInLockOrder(owners);
        throwIfModified(command.expectedTag(), detail, owners, loaded);
        // the detail's own event first, then its owners', as for every command: the audit trail orders events of
        // one request that share a millisecond the way they were decided
        detail.execute(it -> it.remove(command.firmId()));
        owners.forEach(owner -> loaded.get(owner).execute(account -> account.detach(command.contactDetailId())));
    }

    private static Optional<OwnershipRefusal> attach(Aggregate<Account> account, ContactDetailId id, FirmId firm,
                                                     ContactDetailName name, ContactValue value,
                                                     PrimaryChoice choice) {
        return account == null
                ? Optional.of(OwnershipRefusal.NOT_A_CLIENT_OF_THE_FIRM)
                : account.invoke(it -> it.attach(id, firm, name, value, choice));
    }

    /**
     * Compares the tag the client read with the detail as it is now, under the locks of the detail and its
     * owners: the tag covers the streams its resource is rendered from (the detail, its owners, their
     * primaries), so two writers holding the same tag cannot both pass.
     */
    private void throwIfModified(Optional<String> expected, Aggregate<ContactDetail> detail, List<AccountId> owners,
                                 Map<AccountId, Aggregate<Account>> loaded) {
        if (expected.isEmpty()) {
            return;
        }
        Map<String, Long> versions = new HashMap<>();
        versions.put(detail.identifierAsString(), detail.version());
        for (AccountId owner : owners) {
            Aggregate<Account> account = loaded.get(owner);
            versions.put(owner.toString(), account.version());
            account.invoke(Account::primaryIds).forEach(primary -> versions.put(primary.toString(),
                    eventStore.lastSequenceNumberFor(primary.toString()).orElse(-1L)));
        }
        if (!VersionTag.of(versions).equals(expected.get())) {
            throw new ResourceModified(detail.invoke(ContactDetail::id));
        }
    }

    private static void throwIfAny(Map<Integer, OwnershipRefusal> refusals) {
        if (!refusals.isEmpty()) {
            throw new OwnersRefused(refusals);
        }
    }

    /** The detail, locked first: every command on one detail queues behind the others before touching owners. */
    private Aggregate<ContactDetail> loadDetail(ContactDetailId id, FirmId firm) {
        try {
            Aggregate<ContactDetail> detail = contactDetails.load(id.toString());
            if (!detail.invoke(it -> it.existsIn(firm))) {
                throw new ContactDetailNotFound(id);
            }
            return detail;
        } catch (AggregateNotFoundException | IncompatibleAggregateException notADetail) {
            throw new ContactDetailNotFound(id);
        }
    }

    /**
     * Loading takes each account's lock until commit; taking them in one global order means two requests
     * that share owners queue behind each other instead of deadlocking. An id that names no account stays absent.
     */
    private Map<AccountId, Aggregate<Account>> loadInLockOrder(Collection<AccountId> ids) {
        Map<AccountId, Aggregate<Account>> loaded = new HashMap<>();
        ids.stream().distinct().sorted(Comparator.comparing(AccountId::value)).forEach(id -> {
            try {
                loaded.put(id, accounts.load(id.toString()));
            } catch (AggregateNotFoundException | IncompatibleAggregateException notAnAccount) {
                // no stream, or another kind of stream (a firm, a contact detail): refused like any non-client
            }
        });
        return loaded;
    }
}
