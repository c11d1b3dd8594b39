package io.contactdetails.query.account.readmodel;

import com.mongodb.client.MongoDatabase;
import io.contactdetails.http.resource.AccountState;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailDetached;
import io.contactdetails.kernel.contactdetail.ContactDetailOwnersChanged;
import io.contactdetails.kernel.contactdetail.ContactDetailRenamed;
import io.contactdetails.kernel.contactdetail.ContactDetailValueChanged;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.OwnedValueChanged;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import io.contactdetails.query.infrastructure.BatchedCollection;
import io.contactdetails.query.infrastructure.ReadStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds the account read model by folding each event into the stored {@link AccountState}, the same fold
 * the write side answers with. The state remembers the last sequence number it folded, so an event handled
 * twice (a batch re-run after a crash) changes nothing. Documents are read and written a processor batch at a
 * time ({@link BatchedCollection}). Each account's document also holds a copy of its primaries, kept by
 * {@link PrimaryCopies} from the account's events and its primaries' own.
 */
@Component
@ProcessingGroup(ReadStore.PROCESSING_GROUP)
public class AccountProjection {
    private final BatchedCollection<AccountState> accounts;
    private final PrimaryCopies primaryCopies;

    public AccountProjection(MongoDatabase database) {
        this.primaryCopies = new PrimaryCopies(database);
        this.accounts = new BatchedCollection<>(database.getCollection(AccountDocuments.COLLECTION), AccountState::uuid,
                AccountDocuments::toDocument, AccountDocuments::fromDocument, AccountProjection::accountOf, List.of(),
                primaryCopies::alongside);
    }

    /** The account an event folds into, for the events handled here. */
    private static Optional<String> accountOf(Object event) {
        Object account = event instanceof AccountCreated created ? created.accountId()
                : event instanceof ContactDetailAttached attached ? attached.accountId()
                : event instanceof ContactDetailDetached detached ? detached.accountId()
                : event instanceof OwnedValueChanged changed ? changed.accountId()
                : event instanceof PrimaryAssigned assigned ? assigned.accountId()
                : event instanceof PrimaryRevoked revoked ? revoked.accountId()
                : null;
        return Optional.ofNullable(account).map(Object::toString);
    }

    @EventHandler
    void on(AccountCreated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        if (accounts.find(event.accountId().toString()).isEmpty()) {
            accounts.save(AccountState.created(event, at, sequence));
            primaryCopies.accountCreated(event.accountId().toString());
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
        foldPrimaries(event.accountId().toString(), event, at, sequence);
    }

    @EventHandler
    void on(PrimaryRevoked event, @Timestamp Instant at, @SequenceNumber long sequence) {
        foldPrimaries(event.accountId().toString(), event, at, sequence);
    }

    @EventHandler
    void on(ContactDetailCreated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        primaryCopies.detailCreated(ContactDetailState.created(event, at, sequence));
    }

    @EventHandler
    void on(ContactDetailRenamed event) {
        copy(event.contactDetailId());
    }

    @EventHandler
    void on(ContactDetailValueChanged event) {
        copy(event.contactDetailId());
    }

    @EventHandler
    void on(ContactDetailOwnersChanged event) {
        copy(event.contactDetailId());
    }

    @ResetHandler
    void reset() {
        accounts.deleteAll();
    }

    private void fold(String accountUuid, Object event, Instant at, long sequence) {
        accounts.fold(accountUuid, state -> state.apply(event, at, sequence));
    }

    /** Copied again after an event handled twice as well: the batch that wrote the copy may not have finished. */
    private void foldPrimaries(String accountUuid, Object event, Instant at, long sequence) {
        fold(accountUuid, event, at, sequence);
        accounts.find(accountUuid).ifPresent(primaryCopies::primariesChanged);
    }

    /**
     * A detail's removal needs no handler: its owners' streams revoke it as their primary in the same transaction,
     * which drops their copies of it.
     */
    private void copy(ContactDetailId contactDetail) {
        primaryCopies.detailChanged(contactDetail.toString());
    }
}
