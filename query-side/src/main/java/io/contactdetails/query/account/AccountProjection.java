package io.contactdetails.query.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.query.infrastructure.ReadStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

import static io.contactdetails.query.account.AccountDocument.*;

/**
 * Builds the account read model. Every write is an idempotent set keyed by {@code _id}, so handling an event
 * twice (a batch re-run after a crash) changes nothing.
 */
@Component
@ProcessingGroup(ReadStore.PROCESSING_GROUP)
public class AccountProjection {
    private final MongoCollection<Document> accounts;

    public AccountProjection(MongoDatabase database) {
        this.accounts = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(AccountCreated event, @Timestamp Instant at) {
        Date when = Date.from(at);
        accounts.updateOne(Filters.eq("_id", event.accountId().toString()),
                Updates.combine(
                        Updates.setOnInsert(FIRM, event.firmId().toString()),
                        Updates.setOnInsert(TYPE, event.type().wireName()),
                        Updates.setOnInsert(FIRST_NAME, event.firstName()),
                        Updates.setOnInsert(LAST_NAME, event.lastName()),
                        Updates.setOnInsert(CREATED_AT, when),
                        Updates.setOnInsert(UPDATED_AT, when)),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(ContactDetailAttached event, @Timestamp Instant at) {
        touch(event.accountId().toString(), at);
    }

    @EventHandler
    void on(PrimaryAssigned event, @Timestamp Instant at) {
        accounts.updateOne(Filters.eq("_id", event.accountId().toString()), Updates.combine(
                Updates.set(primaryField(event.type().wireName()), event.contactDetailId().toString()),
                Updates.set(UPDATED_AT, Date.from(at))));
    }

    @EventHandler
    void on(PrimaryRevoked event, @Timestamp Instant at) {
        String field = primaryField(event.type().wireName());
        accounts.updateOne(Filters.and(Filters.eq("_id", event.accountId().toString()),
                        Filters.eq(field, event.contactDetailId().toString())),
                Updates.unset(field));
        touch(event.accountId().toString(), at);
    }

    @ResetHandler
    void reset() {
        accounts.deleteMany(new Document());
    }

    private void touch(String accountUuid, Instant at) {
        accounts.updateOne(Filters.eq("_id", accountUuid), Updates.set(UPDATED_AT, Date.from(at)));
    }
}
