package io.contactdetails.query.contactdetail;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
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

import static io.contactdetails.query.contactdetail.ContactDetailDocument.*;

/** Builds the contact detail read model with idempotent writes keyed by {@code _id}. */
@Component
@ProcessingGroup(ReadStore.PROCESSING_GROUP)
public class ContactDetailProjection {
    private final MongoCollection<Document> contactDetails;

    public ContactDetailProjection(MongoDatabase database) {
        this.contactDetails = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(ContactDetailCreated event, @Timestamp Instant at) {
        Date when = Date.from(at);
        Document meta = event.phoneNumberMeta() == null ? null : new Document("country", event.phoneNumberMeta().country())
                .append("formatted", event.phoneNumberMeta().formatted());
        contactDetails.updateOne(Filters.eq("_id", event.contactDetailId().toString()),
                Updates.combine(
                        Updates.setOnInsert(FIRM, event.firmId().toString()),
                        Updates.setOnInsert(TYPE, event.type().wireName()),
                        Updates.setOnInsert(NAME, event.name()),
                        Updates.setOnInsert(VALUE, event.value()),
                        Updates.setOnInsert(PHONE_NUMBER_META, meta),
                        Updates.setOnInsert(ACCOUNTS, event.accountIds().stream().map(Object::toString).toList()),
                        Updates.setOnInsert(PRIMARY_ACCOUNTS, java.util.List.of()),
                        Updates.setOnInsert(CREATED_AT, when),
                        Updates.setOnInsert(UPDATED_AT, when)),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(PrimaryAssigned event, @Timestamp Instant at) {
        contactDetails.updateOne(Filters.eq("_id", event.contactDetailId().toString()), Updates.combine(
                Updates.addToSet(PRIMARY_ACCOUNTS, event.accountId().toString()),
                Updates.set(UPDATED_AT, Date.from(at))));
    }

    @EventHandler
    void on(PrimaryRevoked event, @Timestamp Instant at) {
        contactDetails.updateOne(Filters.eq("_id", event.contactDetailId().toString()), Updates.combine(
                Updates.pull(PRIMARY_ACCOUNTS, event.accountId().toString()),
                Updates.set(UPDATED_AT, Date.from(at))));
    }

    @ResetHandler
    void reset() {
        contactDetails.deleteMany(new Document());
    }
}
