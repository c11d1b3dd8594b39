package io.contactdetails.query.contactdetail.readmodel;

import com.mongodb.client.MongoDatabase;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailDetached;
import io.contactdetails.query.infrastructure.BatchedCollection;
import io.contactdetails.query.infrastructure.ReadStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which contact details each account owns, keyed by the account: what {@code filter[account_uuids]} reads, so a
 * page of one client's details is found by id lookups however many details its firm has. Built from the
 * accounts' own streams; the stored version (the last sequence folded) makes a redelivered event a no-op.
 * Documents are read and written a processor batch at a time ({@link BatchedCollection}).
 */
@Component
@ProcessingGroup(ReadStore.PROCESSING_GROUP)
public class DetailsByAccountProjection {
    public static final String COLLECTION = "details_by_account";
    static final String DETAILS = "contact_detail_uuids";

    private final BatchedCollection<OwnedDetails> byAccount;

    public DetailsByAccountProjection(MongoDatabase database) {
        this.byAccount = new BatchedCollection<>(database.getCollection(COLLECTION), OwnedDetails::account,
                OwnedDetails::toDocument, OwnedDetails::fromDocument, DetailsByAccountProjection::accountOf, List.of());
    }

    /** The account an event changes the details of, for the events handled here. */
    private static Optional<String> accountOf(Object event) {
        Object account = event instanceof ContactDetailAttached attached ? attached.accountId()
                : event instanceof ContactDetailDetached detached ? detached.accountId()
                : null;
        return Optional.ofNullable(account).map(Object::toString);
    }

    @EventHandler
    void on(ContactDetailAttached event, @SequenceNumber long sequence) {
        change(event.accountId().toString(), sequence, details -> {
            if (!details.contains(event.contactDetailId().toString())) {
                details.add(event.contactDetailId().toString());
            }
        });
    }

    @EventHandler
    void on(ContactDetailDetached event, @SequenceNumber long sequence) {
        change(event.accountId().toString(), sequence, details -> details.remove(event.contactDetailId().toString()));
    }

    @ResetHandler
    void reset() {
        byAccount.deleteAll();
    }

    private void change(String account, long sequence, Consumer<List<String>> change) {
        Optional<OwnedDetails> stored = byAccount.find(account);
        if (stored.isPresent() && stored.get().version() >= sequence) {
            return;
        }
        List<String> details = new ArrayList<>(stored.map(OwnedDetails::details).orElse(List.of()));
        change.accept(details);
        byAccount.save(new OwnedDetails(account, details, sequence));
    }

    /** The details an account owns, as of the last sequence of its stream folded in. */
    record OwnedDetails(String account, List<String> details, long version) {
        Document toDocument() {
            return new Document("_id", account).append(DETAILS, details).append("version", version);
        }

        static OwnedDetails fromDocument(Document document) {
            return new OwnedDetails(document.getString("_id"), List.copyOf(document.getList(DETAILS, String.class)),
                    document.get("version", Number.class).longValue());
        }
    }
}
