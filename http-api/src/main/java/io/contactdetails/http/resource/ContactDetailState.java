package io.contactdetails.http.resource;

import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailOwnersChanged;
import io.contactdetails.kernel.contactdetail.ContactDetailRemoved;
import io.contactdetails.kernel.contactdetail.ContactDetailRenamed;
import io.contactdetails.kernel.contactdetail.ContactDetailValueChanged;
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * What a contact detail resource shows of the detail itself, folded from its own stream. Which owners hold
 * it as their primary is theirs to say (it is on their streams, as in Plannr's pivot), so it is not here:
 * the renderer reads it from the owners' {@link AccountState}s.
 */
public record ContactDetailState(String uuid, String firmUuid, String type, String name, String value,
                                 PhoneNumberMeta phoneNumberMeta, List<String> accountUuids,
                                 Instant createdAt, Instant updatedAt, long version) {
    public ContactDetailState {
        accountUuids = List.copyOf(accountUuids);
    }

    public static ContactDetailState created(ContactDetailCreated event, Instant at, long sequence) {
        return new ContactDetailState(event.contactDetailId().toString(), event.firmId().toString(),
                event.type().wireName(), event.name(), event.value(), event.phoneNumberMeta(),
                event.accountIds().stream().map(Object::toString).toList(), at, at, sequence);
    }

    /**
     * The detail after {@code event}, or null once it is removed; an event it has already folded in (a
     * redelivery) changes nothing.
     */
    public ContactDetailState apply(Object event, Instant at, long sequence) {
        if (sequence <= version) {
            return this;
        }
        if (event instanceof ContactDetailRenamed renamed) {
            return new ContactDetailState(uuid, firmUuid, type, renamed.name(), value, phoneNumberMeta, accountUuids,
                    createdAt, at, sequence);
        }
        if (event instanceof ContactDetailValueChanged changed) {
            return new ContactDetailState(uuid, firmUuid, type, name, changed.value(), changed.phoneNumberMeta(),
                    accountUuids, createdAt, at, sequence);
        }
        if (event instanceof ContactDetailOwnersChanged changed) {
            return new ContactDetailState(uuid, firmUuid, type, name, value, phoneNumberMeta,
                    changed.accountIds().stream().map(Object::toString).toList(), createdAt, at, sequence);
        }
        if (event instanceof ContactDetailRemoved) {
            return null;
        }
        return new ContactDetailState(uuid, firmUuid, type, name, value, phoneNumberMeta, accountUuids, createdAt, at,
                sequence);
    }

    /**
     * The contact detail as its stream tells it: {@code from} (null: the stream's start) followed by the stream's
     * next {@code events}; empty when the stream is not a contact detail's, or the detail is removed.
     */
    public static Optional<ContactDetailState> fold(ContactDetailState from,
                                                    Iterator<? extends DomainEventMessage<?>> events, Instant until) {
        ContactDetailState state = from;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(until)) {
                break;
            }
            if (state == null) {
                if (!(event.getPayload() instanceof ContactDetailCreated created)) {
                    return Optional.empty();
                }
                state = created(created, event.getTimestamp(), event.getSequenceNumber());
            } else {
                state = state.apply(event.getPayload(), event.getTimestamp(), event.getSequenceNumber());
                if (state == null) {
                    return Optional.empty();
                }
            }
        }
        return Optional.ofNullable(state);
    }
}
