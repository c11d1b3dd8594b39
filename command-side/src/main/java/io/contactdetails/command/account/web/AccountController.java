package io.contactdetails.command.account.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.command.Writes;
import io.contactdetails.http.request.JsonFields;
import io.contactdetails.http.resource.AccountResource;
import io.contactdetails.http.resource.ResourceStates;
import io.contactdetails.http.resource.Resources;
import io.contactdetails.http.security.Actor;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.account.CreateAccount;
import io.contactdetails.kernel.account.PersonName;
import org.axonframework.commandhandling.GenericCommandMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
public class AccountController {
    private final Writes writes;
    private final Resources resources;

    public AccountController(Writes writes, Resources resources) {
        this.writes = writes;
        this.resources = resources;
    }

    @PostMapping("/api/v2/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createAccount", summary = "Create an account in the acting account's firm",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AccountBody.class))))
    @ApiResponse(responseCode = "201", description = "Created")
    public AccountResource create(@RequestBody(required = false) JsonNode body,
                                  @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        JsonFields fields = new JsonFields(body);
        var firstName = fields.requiredText("first_name");
        var lastName = fields.requiredText("last_name");
        AccountType type = AccountType.CLIENT;
        if (fields.node("type") != null) {
            type = fields.requiredString("type")
                    .flatMap(wire -> fields.valueOf("type", () -> AccountType.fromWireName(wire)))
                    .orElse(null);
        }
        fields.throwIfInvalid();
        CreateAccount command = new CreateAccount(AccountId.random(), actor.firmId(), type,
                new PersonName(firstName.orElseThrow(), lastName.orElseThrow()));
        ResourceStates written = writes.send(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.metaData()));
        return resources.account(written.account(command.accountId().toString()).orElseThrow(), written);
    }
}
