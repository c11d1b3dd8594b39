package io.contactdetails.query.history;

import io.contactdetails.http.ApiProperties;
import io.contactdetails.http.resource.AccountState;
import io.contactdetails.http.resource.ApiTime;
import io.contactdetails.kernel.EventMetaData;
import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailOwnersChanged;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the audit trail and past states straight from the event store, never from the read models: the
 * events are the record an auditor is shown. Every read is by aggregate id (the store's own index).
 */
@Component
public class History {
    private final EventStore eventStore;
    private final ZoneId zone;

    public History(EventStore eventStore, ApiProperties properties) {
        this.eventStore = eventStore;
        this.zone = properties.timeZone();
    }

    /** The firm an account belongs to, from its first event; empty when there is no such account. */
    public Optional<String> firmOfAccount(String accountId) {
        return stream(accountId).stream().findFirst().map(DomainEventMessage::getPayload)
                .filter(AccountCreated.class::isInstance).map(created -> ((AccountCreated) created).firmId().toString());
    }

    public Optional<String> firmOfContactDetail(String contactDetailId) {
        return createdEvent(contactDetailId).map(created -> created.firmId().toString());
    }

    public List<HistoryEntry> ofAccount(String accountId) {
        return entries(stream(accountId), StateFold::account);
    }

    /**
     * The contact detail's own events and, from the streams of everyone who ever owned it, the primary changes
     * that name it.
     */
    public List<HistoryEntry> ofContactDetail(String contactDetailId) {
        List<DomainEventMessage<?>> own = stream(contactDetailId);
        List<DomainEventMessage<?>> events = new ArrayList<>(own);
        Set<String> owners = new LinkedHashSet<>();
        own.forEach(event -> {
            if (event.getPayload() instanceof ContactDetailCreated created) {
                created.accountIds().forEach(owner -> owners.add(owner.toString()));
            } else if (event.getPayload() instanceof ContactDetailOwnersChanged changed) {
                changed.accountIds().forEach(owner -> owners.add(owner.toString()));
            }
        });
        owners.forEach(owner -> stream(owner).stream()
                .filter(event -> namesPrimary(event.getPayload(), contactDetailId))
                .forEach(events::add));
        events.sort(Comparator.comparing(DomainEventMessage::getTimestamp));
        return entries(events, StateFold::contactDetail);
    }

    private List<HistoryEntry> entries(List<DomainEventMessage<?>> events, Fold fold) {
        Map<String, List<DomainEventMessage<?>>> actors = new HashMap<>();
        List<HistoryEntry> entries = new ArrayList<>();
        Map<String, Object> state = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : events) {
            Map<String, Object> next = fold.apply(state, event.getPayload());
            MetaData metaData = event.getMetaData();
            entries.add(new HistoryEntry(EventNames.of(event.getPayloadType()),
                    ApiTime.format(event.getTimestamp(), zone), actor(event, actors),
                    (String) metaData.get(EventMetaData.REQUEST_ID), (String) metaData.get(EventMetaData.CLIENT_ADDRESS),
                    (String) metaData.get(EventMetaData.USER_AGENT), StateFold.changes(state, next)));
            state = next;
        }
        return entries;
    }

    /** The acting account named as it was when the event happened. */
    private HistoryEntry.Actor actor(DomainEventMessage<?> event, Map<String, List<DomainEventMessage<?>>> actorStreams) {
        String accountId = (String) event.getMetaData().get(EventMetaData.ACTING_ACCOUNT);
        String subject = (String) event.getMetaData().get(EventMetaData.SUBJECT);
        if (accountId == null) {
            return new HistoryEntry.Actor(null, null, subject);
        }
        String name = AccountState.fold(actorStreams.computeIfAbsent(accountId, this::stream).iterator(),
                        event.getTimestamp())
                .map(past -> past.firstName() + " " + past.lastName())
                .orElse(null);
        return new HistoryEntry.Actor(accountId, name, subject);
    }

    private Optional<ContactDetailCreated> createdEvent(String contactDetailId) {
        return stream(contactDetailId).stream().findFirst().map(DomainEventMessage::getPayload)
                .filter(ContactDetailCreated.class::isInstance).map(ContactDetailCreated.class::cast);
    }

    private static boolean namesPrimary(Object payload, String contactDetailId) {
        return (payload instanceof PrimaryAssigned assigned && assigned.contactDetailId().toString().equals(contactDetailId))
                || (payload instanceof PrimaryRevoked revoked && revoked.contactDetailId().toString().equals(contactDetailId));
    }

    /** From the first event, never from a snapshot: the trail lists every event. */
    private List<DomainEventMessage<?>> stream(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream().<DomainEventMessage<?>>map(event -> event).toList();
    }

    @FunctionalInterface
    private interface Fold {
        Map<String, Object> apply(Map<String, Object> state, Object event);
    }
}
