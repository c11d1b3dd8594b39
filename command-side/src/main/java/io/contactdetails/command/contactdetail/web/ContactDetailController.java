package io.contactdetails.command.contactdetail.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.http.resource.EventStoreStates;
import io.contactdetails.http.resource.ContactDetailResource;
import io.contactdetails.http.resource.Resources;
import io.contactdetails.http.security.Actor;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ContactDetailController {
    private final CommandGateway commands;
    private final Resources resources;
    private final EventStoreStates states;

    public ContactDetailController(CommandGateway commands, Resources resources, EventStoreStates states) {
        this.commands = commands;
        this.resources = resources;
        this.states = states;
    }

    @PostMapping("/api/v2/contact-details")
    @ResponseStatus(HttpStatus.CREATED)
    public ContactDetailResource create(@RequestBody(required = false) JsonNode body,
                                        @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CreateContactDetail command = ContactDetailRequest.create(body, actor.firmId());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.metaData()));
        return resources.contactDetail(states.contactDetail(command.contactDetailId().toString()).orElseThrow(), states);
    }
}
