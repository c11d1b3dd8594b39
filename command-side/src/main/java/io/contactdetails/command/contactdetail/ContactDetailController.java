package io.contactdetails.command.contactdetail;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.command.account.AccountResources;
import io.contactdetails.command.account.AccountView;
import io.contactdetails.command.infrastructure.Actor;
import io.contactdetails.kernel.api.ApiTime;
import io.contactdetails.kernel.api.ContactDetailResource;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Objects;

@RestController
public class ContactDetailController {
    private final CommandGateway commands;
    private final AccountResources accounts;

    public ContactDetailController(CommandGateway commands, AccountResources accounts) {
        this.commands = commands;
        this.accounts = accounts;
    }

    @PostMapping("/api/v2/contact-details")
    @ResponseStatus(HttpStatus.CREATED)
    public ContactDetailResource create(@RequestBody(required = false) JsonNode body,
                                        @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CreateContactDetail command = ContactDetailRequest.read(body, actor.firmId());
        ContactDetailCommands.Created created = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(actor.metaData()));
        return render(created);
    }

    private ContactDetailResource render(ContactDetailCommands.Created created) {
        ContactDetailView detail = created.contactDetail();
        String id = detail.contactDetailId().toString();
        return new ContactDetailResource(id, detail.name(), detail.type().wireName(), detail.value(),
                detail.phoneNumberMeta(),
                created.owners().stream().map(accounts::render).toList(),
                created.owners().stream().filter(owner -> isPrimary(owner, detail))
                        .map(owner -> owner.accountId().toString()).toList(),
                ApiTime.format(detail.createdAt(), accounts.zone()),
                ApiTime.format(detail.updatedAt(), accounts.zone()));
    }

    private static boolean isPrimary(AccountView owner, ContactDetailView detail) {
        var primary = switch (detail.type()) {
            case EMAIL -> owner.primaryEmail();
            case PHONE_NUMBER -> owner.primaryPhoneNumber();
        };
        return primary != null && Objects.equals(primary.id(), detail.contactDetailId());
    }
}
