package io.contactdetails.query.contactdetail.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailDetached;
import io.contactdetails.query.infrastructure.ReadStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which contact details each account owns, keyed by the account: what {@code filter[account_uuids]} reads, so a
 * page of one client's details is found by id lookups however many details its firm has. Built from the
 * accounts' own streams; the stored version (the last sequence folded) makes a redelivered event a no-op.
 */
@Component
@ProcessingGroup(ReadStore.PROCESSING_GROUP)
public class DetailsByAccountProjection {
    public static final String COLLECTION = "details_by_account";
    static final String DETAILS = "contact_detail_uuids";

    private final MongoCollection<Document> byAccount;

    public DetailsByAccountProjection(MongoDatabase database) {
        this.byAccount = database.getCollection(COLLECTION);
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
        byAccount.deleteMany(new Document());
    }

    private void change(String account, long sequence, Consumer<List<String>> change) {
        Document stored = byAccount.find(Filters.eq("_id", account)).first();
        if (stored != null && stored.get("version", Number.class).longValue() >= sequence) {
            return;
        }
        List<String> details = stored == null ? new ArrayList<>() : new ArrayList<>(stored.getList(DETAILS, String.class));
        change.accept(details);
        byAccount.replaceOne(Filters.eq("_id", account),
                new Document("_id", account).append(DETAILS, details).append("version", sequence),
                new ReplaceOptions().upsert(true));
    }
}
