package io.contactdetails.command.infrastructure;

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
 * Sends a write's command and answers with the states just after it. The events the command's unit of work
 * appended, once it has committed, go to {@link EventStoreStates#after}, so the answer does not read back the
 * streams the write itself appended to. A command that is retried is the same message each time; only the
 * attempt that commits adds its events.
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
        synchronized (committed) {
            return states.after(List.copyOf(committed));
        }
    }
}
