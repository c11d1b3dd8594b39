package io.contactdetails.http.resource;

import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;

/**
 * What an account resource shows, folded from the account's own stream and nothing else. The read model
 * stores it, the write side folds it to answer a write, point-in-time reads fold it up to an instant: one
 * fold, so the three cannot disagree. {@code version} is the sequence number of the last event folded in:
 * every event of the stream advances it.
 */
public record AccountState(String uuid, String firmUuid, String type, String firstName, String lastName,
                           String primaryEmailUuid, String primaryPhoneNumberUuid,
                           Instant createdAt, Instant updatedAt, long version) {

    public static AccountState created(AccountCreated event, Instant at, long sequence) {
        return new AccountState(event.accountId().toString(), event.firmId().toString(), event.type().wireName(),
                event.firstName(), event.lastName(), null, null, at, at, sequence);
    }

    /** The account after {@code event}; an event it has already folded in (a redelivery) changes nothing. */
    public AccountState apply(Object event, Instant at, long sequence) {
        if (sequence <= version) {
            return this;
        }
        if (event instanceof PrimaryAssigned assigned) {
            return withPrimary(assigned.type(), assigned.contactDetailId().toString(), at, sequence);
        }
        if (event instanceof PrimaryRevoked revoked) {
            boolean current = revoked.contactDetailId().toString().equals(primaryOf(revoked.type().wireName()));
            return withPrimary(revoked.type(), current ? null : primaryOf(revoked.type().wireName()), at, sequence);
        }
        // attached, detached, a value changed, or anything else: the account changed then
        return new AccountState(uuid, firmUuid, type, firstName, lastName, primaryEmailUuid, primaryPhoneNumberUuid,
                createdAt, at, sequence);
    }

    /** The account as its stream tells it, or empty when the stream is not an account's. */
    public static Optional<AccountState> fold(Iterator<? extends DomainEventMessage<?>> events, Instant until) {
        return fold(null, events, until);
    }

    /** {@code from} (null: the stream's start) followed by the stream's next {@code events}. */
    public static Optional<AccountState> fold(AccountState from, Iterator<? extends DomainEventMessage<?>> events,
                                              Instant until) {
        AccountState state = from;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(until)) {
                break;
            }
            if (state == null) {
                if (!(event.getPayload() instanceof AccountCreated created)) {
                    return Optional.empty();
                }
                state = created(created, event.getTimestamp(), event.getSequenceNumber());
            } else {
                state = state.apply(event.getPayload(), event.getTimestamp(), event.getSequenceNumber());
            }
        }
        return Optional.ofNullable(state);
    }

    /** The uuid of the account's primary contact detail of a type (by its wire name), or null. */
    public String primaryOf(String contactType) {
        return ContactType.EMAIL.wireName().equals(contactType) ? primaryEmailUuid : primaryPhoneNumberUuid;
    }

    private AccountState withPrimary(ContactType contactType, String contactDetailUuid, Instant at, long sequence) {
        return contactType == ContactType.EMAIL
                ? new AccountState(uuid, firmUuid, type, firstName, lastName, contactDetailUuid, primaryPhoneNumberUuid,
                createdAt, at, sequence)
                : new AccountState(uuid, firmUuid, type, firstName, lastName, primaryEmailUuid, contactDetailUuid,
                createdAt, at, sequence);
    }
}
