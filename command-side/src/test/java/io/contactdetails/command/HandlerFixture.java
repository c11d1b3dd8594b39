package io.contactdetails.command;

import io.contactdetails.command.account.model.Account;
import io.contactdetails.command.contactdetail.model.ContactDetail;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Given-when-then for command handlers that load several aggregates, which Axon's AggregateTestFixture cannot
 * do: real event-sourcing repositories on Axon's in-memory event store, each when in its own unit of work,
 * and what was committed (or not) read back as payloads.
 */
public final class HandlerFixture {
    public final EventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final List<Object> published = new ArrayList<>();
    private final List<String> accountsLoaded = new ArrayList<>();
    public final Repository<Account> accounts = new Recording<>(
            EventSourcingRepository.builder(Account.class).eventStore(eventStore).build(), accountsLoaded);
    public final Repository<ContactDetail> contactDetails =
            EventSourcingRepository.builder(ContactDetail.class).eventStore(eventStore).build();

    public HandlerFixture() {
        eventStore.subscribe(messages -> messages.forEach(message -> published.add(message.getPayload())));
    }

    /** The stream {@code aggregateId} already holds these events, in order. */
    public HandlerFixture given(String aggregateType, String aggregateId, Object... events) {
        long next = eventStore.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
        for (Object event : events) {
            eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, next++, event));
        }
        return this;
    }

    /** Runs {@code handler} in a unit of work; what it appended is committed unless it throws. */
    public Outcome when(Callable<?> handler) {
        published.clear();
        accountsLoaded.clear();
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.executeWithResult(handler);
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
        Throwable failure = unitOfWork.getExecutionResult().isExceptionResult()
                ? unitOfWork.getExecutionResult().getExceptionResult() : null;
        return new Outcome(List.copyOf(published), List.copyOf(accountsLoaded), failure);
    }

    /** The events committed, the accounts loaded in the order they were locked, and the failure, if any. */
    public record Outcome(List<Object> events, List<String> accountsLoaded, Throwable failure) {
    }

    private record Recording<T>(Repository<T> delegate, List<String> loads) implements Repository<T> {
        @Override
        public Aggregate<T> load(String id) {
            loads.add(id);
            return delegate.load(id);
        }

        @Override
        public Aggregate<T> load(String id, Long version) {
            loads.add(id);
            return delegate.load(id, version);
        }

        @Override
        public Aggregate<T> newInstance(Callable<T> factory) throws Exception {
            return delegate.newInstance(factory);
        }

        @Override
        public void send(Message<?> message, ScopeDescriptor scope) throws Exception {
            delegate.send(message, scope);
        }

        @Override
        public boolean canResolve(ScopeDescriptor scope) {
            return delegate.canResolve(scope);
        }
    }

}
