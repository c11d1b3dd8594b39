package io.contactdetails.query.account.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.contactdetails.http.resource.AccountState;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailReadModel;
import io.contactdetails.query.infrastructure.AfterBatchWrites;
import io.contactdetails.query.infrastructure.BatchedCollection;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps a copy of each account's primaries in the account's document, so that a GET of an account is one find.
 * A copy is written from two streams, which segments project in either order and at once: the account's, naming
 * its primary, and the detail's, holding what is shown. Each side writes once its batch is written and reads what
 * the other wrote: after an account's primaries change, it drops its copies and copies each detail it names, read
 * from the detail read model; after a detail changes, it is copied into those of its owners that name it, read from
 * the account read model. Whichever side reads second sees the first side's write, so one of them copies the
 * detail's last version. Copies are kept by the detail's uuid and written with {@code $max} on a value that orders by
 * version first, so an older version never replaces a newer one (a new account's first copies are fields of its
 * insert, {@link #alongside}). A copy into an owner that stopped naming the detail
 * between that read and the copy is not read ({@link AccountDocuments#primaries}), and goes at the owner's next change
 * of primaries. The embedded stand-in uses an index only for a filter on {@code _id} alone, so every write here has
 * one.
 */
final class PrimaryCopies {
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private final MongoCollection<Document> writes;
    private final AccountReadModel accounts;
    private final ContactDetailReadModel contactDetails;
    private final AfterBatchWrites<Change> batchWritten = new AfterBatchWrites<>(this::copy);

    PrimaryCopies(MongoDatabase database) {
        this.writes = database.getCollection(AccountDocuments.COLLECTION);
        this.accounts = new AccountReadModel(database);
        this.contactDetails = new ContactDetailReadModel(database);
    }

    /** The account's document was first written in this batch: it holds no copies to drop. */
    void accountCreated(String accountUuid) {
        batchWritten.add("created " + accountUuid, new NewAccount(accountUuid));
    }

    /** The account's primaries were assigned or revoked (or the event is handled again). */
    void primariesChanged(AccountState account) {
        batchWritten.add("primaries " + account.uuid(), new PrimariesChanged(account));
    }

    /** The detail was created (or the event is handled again): its state is the event's, nothing to read. */
    void detailCreated(ContactDetailState created) {
        batchWritten.add("detail " + created.uuid(), new DetailChanged(created.uuid(), created));
    }

    /** The detail changed (or the event is handled again): its state is read once the batch is written. */
    void detailChanged(String contactDetailUuid) {
        batchWritten.add("detail " + contactDetailUuid, new DetailChanged(contactDetailUuid, null));
    }

    /**
     * The copies a new account's insert carries ({@link BatchedCollection}'s {@code alongside}) when the batch
     * created the account and every detail it names: nothing to drop, nothing to read, no other writer of those
     * details. A replay meets every client so, created with its primary; its copy then costs no write of its own.
     */
    Document alongside(String accountUuid, AccountState account) {
        if (batchWritten.added("created " + accountUuid) == null || batchWritten.added("primaries " + accountUuid) == null) {
            return null;
        }
        Document copies = new Document();
        for (String type : AccountDocuments.CONTACT_TYPES) {
            String primary = account.primaryOf(type);
            if (primary != null) {
                if (!(batchWritten.added("detail " + primary) instanceof DetailChanged detail) || detail.created() == null) {
                    return null;
                }
                copies.append(AccountDocuments.copiesOfPrimary(type),
                        new Document(primary, AccountDocuments.copy(detail.created())));
            }
        }
        batchWritten.add("alongside " + accountUuid, new CopiedAlongside(accountUuid));
        return copies.isEmpty() ? null : copies;
    }

    /** What a batch's events changed; the last change of each document counts. */
    private sealed interface Change permits NewAccount, PrimariesChanged, DetailChanged, CopiedAlongside {
    }

    private record CopiedAlongside(String uuid) implements Change {
    }

    private record NewAccount(String uuid) implements Change {
    }

    private record PrimariesChanged(AccountState account) implements Change {
    }

    /** {@code created}: the detail's state when its last event in the batch created it; null: read it. */
    private record DetailChanged(String uuid, ContactDetailState created) implements Change {
    }

    /**
     * The account's side drops its copies before it reads the details it names: a copy the detail's side wrote
     * before the drop is of a version the read sees. A detail created in this batch is not read: its stream is this
     * segment's, so no other writer has a newer state of it. The detail's side leaves alone the owners whose
     * primaries the account's side copies here.
     */
    private void copy(Collection<Change> changes) {
        Set<String> created = new HashSet<>();
        Set<String> copiedAlongside = new HashSet<>();
        Map<String, AccountState> naming = new HashMap<>();
        Map<String, ContactDetailState> details = new HashMap<>();
        List<String> changedDetails = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof NewAccount account) {
                created.add(account.uuid());
            } else if (change instanceof CopiedAlongside account) {
                copiedAlongside.add(account.uuid());
            } else if (change instanceof PrimariesChanged primaries) {
                naming.put(primaries.account().uuid(), primaries.account());
            } else if (change instanceof DetailChanged detail) {
                changedDetails.add(detail.uuid());
                if (detail.created() != null) {
                    details.put(detail.uuid(), detail.created());
                }
            }
        }
        Map<String, AccountState> toCopy = new HashMap<>(naming);
        copiedAlongside.forEach(toCopy::remove);
        write(toCopy.keySet().stream().filter(account -> !created.contains(account))
                .<WriteModel<Document>>map(account -> new UpdateOneModel<>(Filters.eq("_id", account),
                        Updates.combine(AccountDocuments.CONTACT_TYPES.stream()
                                .map(type -> Updates.unset(AccountDocuments.copiesOfPrimary(type))).toList())))
                .toList());
        Set<String> toRead = new HashSet<>(changedDetails);
        toCopy.values().forEach(account -> AccountDocuments.CONTACT_TYPES.stream().map(account::primaryOf)
                .filter(Objects::nonNull).forEach(toRead::add));
        toRead.removeAll(details.keySet());
        contactDetails.findAll(toRead).forEach(detail -> details.put(detail.uuid(), detail));

        List<WriteModel<Document>> copies = new ArrayList<>();
        toCopy.values().forEach(account -> AccountDocuments.CONTACT_TYPES.stream()
                .map(type -> details.get(account.primaryOf(type))).filter(Objects::nonNull)
                .forEach(primary -> copies.add(copy(account.uuid(), primary))));
        List<ContactDetailState> copiedOut = changedDetails.stream().map(details::get).filter(Objects::nonNull).toList();
        Map<String, AccountState> owners = new HashMap<>();
        accounts.findAll(copiedOut.stream().flatMap(detail -> detail.accountUuids().stream())
                        .filter(owner -> !naming.containsKey(owner)).distinct().toList())
                .forEach(owner -> owners.put(owner.uuid(), owner));
        for (ContactDetailState detail : copiedOut) {
            for (String owner : detail.accountUuids()) {
                if (owners.containsKey(owner) && detail.uuid().equals(owners.get(owner).primaryOf(detail.type()))) {
                    copies.add(copy(owner, detail));
                }
            }
        }
        write(copies);
    }

    private static WriteModel<Document> copy(String account, ContactDetailState detail) {
        return new UpdateOneModel<>(Filters.eq("_id", account), Updates.max(
                AccountDocuments.copyOfPrimary(detail.type(), detail.uuid()), AccountDocuments.copy(detail)));
    }

    private void write(List<WriteModel<Document>> copies) {
        if (!copies.isEmpty()) {
            writes.bulkWrite(copies, ORDERED);
        }
    }
}
