package io.contactdetails.query.contactdetail.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.query.infrastructure.ReadStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Builds the contact detail read model from the detail's own stream, folded as the write side folds it. */
@Component
@ProcessingGroup(ReadStore.PROCESSING_GROUP)
public class ContactDetailProjection {
    private final MongoCollection<Document> contactDetails;

    public ContactDetailProjection(MongoDatabase database) {
        this.contactDetails = database.getCollection(ContactDetailDocuments.COLLECTION);
    }

    @EventHandler
    void on(ContactDetailCreated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        String uuid = event.contactDetailId().toString();
        if (contactDetails.find(Filters.eq("_id", uuid)).first() == null) {
            contactDetails.replaceOne(Filters.eq("_id", uuid),
                    ContactDetailDocuments.toDocument(ContactDetailState.created(event, at, sequence)),
                    new ReplaceOptions().upsert(true));
        }
    }

    @ResetHandler
    void reset() {
        contactDetails.deleteMany(new Document());
    }
}
