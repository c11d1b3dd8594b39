package io.contactdetails.query.account.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.contactdetails.http.resource.AccountState;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailDocuments;
import io.contactdetails.query.infrastructure.AfterBatchWrites;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps a copy of each account's primaries in the account's document, so that a GET of an account is one find.
 * A copy is written from two streams, which segments project in either order and at once: the account's, naming
 * its primary, and the detail's, holding what is shown. Each side writes once its batch is written and reads what
 * the other wrote: after an account's primaries change, it drops its copies and copies each detail it names, read
 * from the detail read model; after a detail changes, it is copied into those of its owners that name it, read from
 * the account read model. Whichever side reads second sees the first side's write, so one of them copies the
 * detail's last version. Copies are kept by the detail's uuid and written with {@code $max} on a value that orders
 * by version first, so an older version never replaces a newer one. Both hold on the embedded stand-in, which uses
 * an index only for a filter on {@code _id} alone: every write here is filtered on {@code _id} alone.
 */
final class PrimaryCopies {
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private final MongoCollection<Document> accounts;
    private final MongoCollection<Document> contactDetails;
    private final AfterBatchWrites<AccountState> primariesWritten = new AfterBatchWrites<>(this::copyNamedDetails);
    private final AfterBatchWrites<DetailChange> detailsWritten = new AfterBatchWrites<>(this::copyIntoOwners);

    PrimaryCopies(MongoDatabase database) {
        this.accounts = database.getCollection(AccountDocuments.COLLECTION);
        this.contactDetails = database.getCollection(ContactDetailDocuments.COLLECTION);
    }

    /** The account's primaries were assigned or revoked (or the event is handled again). */
    void primariesChanged(AccountState account) {
        primariesWritten.add(account.uuid(), account);
    }

    /** The detail was created (or the event is handled again): its state is the event's, nothing to read. */
    void detailCreated(ContactDetailState created) {
        detailsWritten.add(created.uuid(), new DetailChange(created.uuid(), created));
    }

    /** The detail changed (or the event is handled again): its state is read once the batch is written. */
    void detailChanged(String contactDetailUuid) {
        detailsWritten.add(contactDetailUuid, new DetailChange(contactDetailUuid, null));
    }

    /** A detail to copy, and its state when the event alone tells it (null: read it). */
    private record DetailChange(String uuid, ContactDetailState created) {
    }

    /**
     * The copies are dropped before the details are read: a copy the detail's side wrote before the drop is of a
     * version the read sees.
     */
    private void copyNamedDetails(Collection<AccountState> changed) {
        write(changed.stream().<WriteModel<Document>>map(account -> new UpdateOneModel<>(Filters.eq("_id", account.uuid()),
                Updates.combine(AccountDocuments.CONTACT_TYPES.stream()
                        .map(type -> Updates.unset(AccountDocuments.copiesOfPrimary(type))).toList()))).toList());
        Map<String, ContactDetailState> named = contactDetails(changed.stream()
                .flatMap(account -> AccountDocuments.CONTACT_TYPES.stream().map(account::primaryOf))
                .filter(Objects::nonNull).distinct().toList());
        List<WriteModel<Document>> copies = new ArrayList<>();
        for (AccountState account : changed) {
            for (String type : AccountDocuments.CONTACT_TYPES) {
                ContactDetailState primary = named.get(account.primaryOf(type));
                if (primary != null) {
                    copies.add(copy(account.uuid(), primary));
                }
            }
        }
        write(copies);
    }

    /**
     * Into the owners naming the detail, read after the detail is written. An owner that stops naming it between that
     * read and the copy keeps a copy it does not read; the copy is dropped when the owner is read again after it.
     */
    private void copyIntoOwners(Collection<DetailChange> changed) {
        List<ContactDetailState> details = new ArrayList<>(contactDetails(changed.stream()
                .filter(change -> change.created() == null).map(DetailChange::uuid).toList()).values());
        changed.stream().map(DetailChange::created).filter(Objects::nonNull).forEach(details::add);
        Map<String, Document> owners = owners(details);
        List<WriteModel<Document>> copies = new ArrayList<>();
        List<ContactDetailState> copied = new ArrayList<>();
        for (ContactDetailState detail : details) {
            for (String owner : detail.accountUuids()) {
                if (names(owners.get(owner), detail)) {
                    copies.add(copy(owner, detail));
                    copied.add(detail);
                }
            }
        }
        if (copies.isEmpty()) {
            return;
        }
        write(copies);
        Map<String, Document> ownersNow = owners(copied);
        List<WriteModel<Document>> stale = new ArrayList<>();
        for (ContactDetailState detail : copied) {
            for (String owner : detail.accountUuids()) {
                if (ownersNow.containsKey(owner) && !names(ownersNow.get(owner), detail)) {
                    stale.add(new UpdateOneModel<>(Filters.eq("_id", owner),
                            Updates.unset(AccountDocuments.copyOfPrimary(detail.type(), detail.uuid()))));
                }
            }
        }
        write(stale);
    }

    private static WriteModel<Document> copy(String account, ContactDetailState detail) {
        return new UpdateOneModel<>(Filters.eq("_id", account), Updates.max(
                AccountDocuments.copyOfPrimary(detail.type(), detail.uuid()), AccountDocuments.copy(detail)));
    }

    private static boolean names(Document owner, ContactDetailState detail) {
        return owner != null && detail.uuid().equals(owner.getString(AccountDocuments.primary(detail.type())));
    }

    /** The owners' documents, only what names their primaries. */
    private Map<String, Document> owners(Collection<ContactDetailState> details) {
        List<String> uuids = details.stream().flatMap(detail -> detail.accountUuids().stream()).distinct().toList();
        Map<String, Document> found = new HashMap<>();
        if (!uuids.isEmpty()) {
            accounts.find(Filters.in("_id", uuids))
                    .projection(Projections.include(AccountDocuments.CONTACT_TYPES.stream().map(AccountDocuments::primary).toList()))
                    .forEach(owner -> found.put(owner.getString("_id"), owner));
        }
        return found;
    }

    private Map<String, ContactDetailState> contactDetails(Collection<String> uuids) {
        Map<String, ContactDetailState> found = new HashMap<>();
        if (!uuids.isEmpty()) {
            contactDetails.find(Filters.in("_id", uuids)).map(ContactDetailDocuments::fromDocument)
                    .forEach(detail -> found.put(detail.uuid(), detail));
        }
        return found;
    }

    private void write(List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            accounts.bulkWrite(writes, ORDERED);
        }
    }
}
