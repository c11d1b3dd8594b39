package io.contactdetails.query.contactdetail.readmodel;

import com.mongodb.client.MongoDatabase;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailOwnersChanged;
import io.contactdetails.kernel.contactdetail.ContactDetailRemoved;
import io.contactdetails.kernel.contactdetail.ContactDetailRenamed;
import io.contactdetails.kernel.contactdetail.ContactDetailValueChanged;
import io.contactdetails.query.infrastructure.BatchedCollection;
import io.contactdetails.query.infrastructure.ReadStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Builds the contact detail read model from the detail's own stream, folded as the write side folds it; a
 * removed detail leaves the read model (its history stays in the events). The stored state remembers the
 * last sequence number it folded, so an event handled twice changes nothing. Documents are read and written a
 * processor batch at a time ({@link BatchedCollection}).
 */
@Component
@ProcessingGroup(ReadStore.PROCESSING_GROUP)
public class ContactDetailProjection {
    private final BatchedCollection<ContactDetailState> contactDetails;

    public ContactDetailProjection(MongoDatabase database) {
        this.contactDetails = new BatchedCollection<>(database.getCollection(ContactDetailDocuments.COLLECTION),
                ContactDetailState::uuid, ContactDetailDocuments::toDocument, ContactDetailDocuments::fromDocument,
                ContactDetailProjection::contactDetailOf, ContactDetailDocuments.indexes());
    }

    /** The contact detail an event folds into, for the events handled here. */
    private static Optional<String> contactDetailOf(Object event) {
        Object detail = event instanceof ContactDetailCreated created ? created.contactDetailId()
                : event instanceof ContactDetailRenamed renamed ? renamed.contactDetailId()
                : event instanceof ContactDetailValueChanged changed ? changed.contactDetailId()
                : event instanceof ContactDetailOwnersChanged owners ? owners.contactDetailId()
                : event instanceof ContactDetailRemoved removed ? removed.contactDetailId()
                : null;
        return Optional.ofNullable(detail).map(Object::toString);
    }

    @EventHandler
    void on(ContactDetailCreated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        if (contactDetails.find(event.contactDetailId().toString()).isEmpty()) {
            contactDetails.save(ContactDetailState.created(event, at, sequence));
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
        contactDetails.deleteAll();
    }

    private void fold(String uuid, Object event, Instant at, long sequence) {
        contactDetails.fold(uuid, state -> state.apply(event, at, sequence));
    }
}
