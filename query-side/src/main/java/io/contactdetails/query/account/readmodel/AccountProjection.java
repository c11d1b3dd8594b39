package io.contactdetails.query.account.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.contactdetails.http.resource.AccountState;
import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailDetached;
import io.contactdetails.kernel.contactdetail.OwnedValueChanged;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.query.infrastructure.ReadStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Builds the account read model by folding each event into the stored {@link AccountState}, the same fold
 * the write side answers with. The state remembers the last sequence number it folded, so an event handled
 * twice (a batch re-run after a crash) changes nothing.
 */
@Component
@ProcessingGroup(ReadStore.PROCESSING_GROUP)
public class AccountProjection {
    private final MongoCollection<Document> accounts;

    public AccountProjection(MongoDatabase database) {
        this.accounts = database.getCollection(AccountDocuments.COLLECTION);
    }

    @EventHandler
    void on(AccountCreated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        if (find(event.accountId().toString()).isEmpty()) {
            save(AccountState.created(event, at, sequence));
        }
    }

    @EventHandler
    void on(ContactDetailAttached event, @Timestamp Instant at, @SequenceNumber long sequence) {
        fold(event.accountId().toString(), event, at, sequence);
    }

    @EventHandler
    void on(ContactDetailDetached event, @Timestamp Instant at, @SequenceNumber long sequence) {
        fold(event.accountId().toString(), event, at, sequence);
    }

    @EventHandler
    void on(OwnedValueChanged event, @Timestamp Instant at, @SequenceNumber long sequence) {
        fold(event.accountId().toString(), event, at, sequence);
    }

    @EventHandler
    void on(PrimaryAssigned event, @Timestamp Instant at, @SequenceNumber long sequence) {
        fold(event.accountId().toString(), event, at, sequence);
    }

    @EventHandler
    void on(PrimaryRevoked event, @Timestamp Instant at, @SequenceNumber long sequence) {
        fold(event.accountId().toString(), event, at, sequence);
    }

    @ResetHandler
    void reset() {
        accounts.deleteMany(new Document());
    }

    private void fold(String accountUuid, Object event, Instant at, long sequence) {
        find(accountUuid).ifPresent(state -> {
            AccountState next = state.apply(event, at, sequence);
            if (next != state) {
                save(next);
            }
        });
    }

    private Optional<AccountState> find(String uuid) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", uuid)).first()).map(AccountDocuments::fromDocument);
    }

    private void save(AccountState state) {
        accounts.replaceOne(Filters.eq("_id", state.uuid()), AccountDocuments.toDocument(state),
                new ReplaceOptions().upsert(true));
    }
}
