package io.contactdetails.standalone;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The event handlers of both sides, the read models' projections and the command side's account directory. */
@AnalyzeClasses(packages = "io.contactdetails", importOptions = ImportOption.DoNotIncludeTests.class)
class EventHandlersArchitectureTest {
    /**
     * An event handler writes what it keeps and sends no message. The correlation data providers give an event
     * nothing (CommandCorrelation, http-api), so a message sent from a handler would carry neither who acted nor
     * Axon's correlation and trace ids.
     */
    @ArchTest
    static final ArchRule eventHandlersSendNoMessage = noClasses().that().containAnyMethodsThat(annotatedWith(EventHandler.class))
            .should().dependOnClassesThat().belongToAnyOf(CommandGateway.class, CommandBus.class, EventGateway.class,
                    QueryGateway.class, QueryBus.class, DeadlineManager.class);
}
