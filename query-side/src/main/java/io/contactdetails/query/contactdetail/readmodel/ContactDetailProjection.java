package io.contactdetails.query.contactdetail.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailOwnersChanged;
import io.contactdetails.kernel.contactdetail.ContactDetailRemoved;
import io.contactdetails.kernel.contactdetail.ContactDetailRenamed;
import io.contactdetails.kernel.contactdetail.ContactDetailValueChanged;
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
 * Builds the contact detail read model from the detail's own stream, folded as the write side folds it; a
 * removed detail leaves the read model (its history stays in the events). The stored state remembers the
 * last sequence number it folded, so an event handled twice changes nothing.
 */
@Component
@ProcessingGroup(ReadStore.PROCESSING_GROUP)
public class ContactDetailProjection {
    private final MongoCollection<Document> contactDetails;

    public ContactDetailProjection(MongoDatabase database) {
        this.contactDetails = database.getCollection(ContactDetailDocuments.COLLECTION);
    }

    @EventHandler
    void on(ContactDetailCreated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        if (find(event.contactDetailId().toString()).isEmpty()) {
            save(ContactDetailState.created(event, at, sequence));
        }
    }

    @EventHandler
    void on(ContactDetailRenamed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        fold(event.contactDetailId().toString(), event, at, sequence);
    }

    @EventHandler
    void on(ContactDetailValueChanged event, @Timestamp Instant at, @SequenceNumber long sequence) {
        fold(event.contactDetailId().toString(), event, at, sequence);
    }

    @EventHandler
    void on(ContactDetailOwnersChanged event, @Timestamp Instant at, @SequenceNumber long sequence) {
        fold(event.contactDetailId().toString(), event, at, sequence);
    }

    @EventHandler
    void on(ContactDetailRemoved event, @Timestamp Instant at, @SequenceNumber long sequence) {
        fold(event.contactDetailId().toString(), event, at, sequence);
    }

    @ResetHandler
    void reset() {
        contactDetails.deleteMany(new Document());
    }

    private void fold(String uuid, Object event, Instant at, long sequence) {
        find(uuid).ifPresent(state -> {
            ContactDetailState next = state.apply(event, at, sequence);
            if (next == null) {
                contactDetails.deleteOne(Filters.eq("_id", uuid));
            } else if (next != state) {
                save(next);
            }
        });
    }

    private Optional<ContactDetailState> find(String uuid) {
        return Optional.ofNullable(contactDetails.find(Filters.eq("_id", uuid)).first())
                .map(ContactDetailDocuments::fromDocument);
    }

    private void save(ContactDetailState state) {
        contactDetails.replaceOne(Filters.eq("_id", state.uuid()), ContactDetailDocuments.toDocument(state),
                new ReplaceOptions().upsert(true));
    }
}
