package io.contactdetails.command;

import io.contactdetails.http.resource.EventStoreStates;
import io.contactdetails.http.resource.ResourceStates;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends a write's command and answers with the states just after it, for every feature's write. The events the
 * command's unit of work appended go to {@link EventStoreStates#after} once that unit of work has committed (its
 * events are then committed, or will commit with the transaction of a request sent with an Idempotency-Key,
 * as the answer will), so the answer does not read back the streams the write itself appended to. A command
 * that is retried is the same message each time; only the attempt that commits adds its events.
 */
@Component
public class Writes {
    private final CommandGateway commands;
    private final EventStoreStates states;
    /** The events committed so far for each command being sent here, by the command's message identifier. */
    private final Map<String, List<DomainEventMessage<?>>> sending = new ConcurrentHashMap<>();

    public Writes(CommandGateway commands, EventStore eventStore, EventStoreStates states) {
        this.commands = commands;
        this.states = states;
        eventStore.registerDispatchInterceptor(events -> {
            CurrentUnitOfWork.ifStarted(unitOfWork -> {
                List<DomainEventMessage<?>> committed = sending.get(unitOfWork.root().getMessage().getIdentifier());
                if (committed != null) {
                    List<DomainEventMessage<?>> appended = events.stream()
                            .filter(DomainEventMessage.class::isInstance)
                            .<DomainEventMessage<?>>map(DomainEventMessage.class::cast)
                            .toList();
                    unitOfWork.root().afterCommit(done -> {
                        synchronized (committed) {
                            committed.addAll(appended);
                        }
                    });
                }
            });
            return (index, event) -> event;
        });
    }

    /** Sends {@code command} and waits for it; the states as it left them, for its answer. */
    public ResourceStates send(CommandMessage<?> command) {
        List<DomainEventMessage<?>> committed = new ArrayList<>();
        sending.put(command.getIdentifier(), committed);
        try {
            commands.sendAndWait(command);
        } finally {
            sending.remove(command.getIdentifier());
        }
        List<DomainEventMessage<?>> written;
        synchronized (committed) {
            written = List.copyOf(committed);
        }
        return states.after(written);
    }
}
