package io.contactdetails.command.firm.model;

import io.contactdetails.kernel.firm.CreateFirm;
import io.contactdetails.kernel.firm.FirmCreated;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The tenant. It decides nothing yet beyond existing; its stream is where firm-wide facts will go. */
@Aggregate
public class Firm {
    @AggregateIdentifier
    private FirmId firmId;

    protected Firm() {
    }

    public Firm(CreateFirm command) {
        apply(new FirmCreated(command.firmId(), command.name().value()));
    }

    @EventSourcingHandler
    void on(FirmCreated event) {
        firmId = event.firmId();
    }
}
