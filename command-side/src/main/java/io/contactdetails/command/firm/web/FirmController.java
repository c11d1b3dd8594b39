package io.contactdetails.command.firm.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.command.Writes;
import io.contactdetails.http.request.JsonFields;
import io.contactdetails.http.request.RequestOrigin;
import io.contactdetails.http.resource.FirmResource;
import io.contactdetails.http.resource.ResourceStates;
import io.contactdetails.http.resource.Resources;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.PersonName;
import io.contactdetails.kernel.firm.CreateFirm;
import io.contactdetails.kernel.firm.FirmId;
import io.contactdetails.kernel.firm.FirmName;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Platform operators open firms; no account acts here, so the login itself is recorded. */
@RestController
@Tag(name = "Firms")
public class FirmController {
    private final Writes writes;
    private final Resources resources;

    public FirmController(Writes writes, Resources resources) {
        this.writes = writes;
        this.resources = resources;
    }

    @PostMapping("/api/v2/firms")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createFirm", summary = "Open a firm with its first employee (platform operator)",
            description = "Needs a token with the platform:admin scope; acts as no account, so it takes no "
                    + "X-PLANNR-ACCOUNT-UUID.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = FirmBody.class))))
    @ApiResponse(responseCode = "201", description = "Created: the firm and its employee account")
    public FirmResource create(@RequestBody(required = false) JsonNode body, Authentication login,
                               HttpServletRequest request) {
        JsonFields fields = new JsonFields(body);
        var name = fields.requiredText("name");
        var firstName = fields.requiredText("first_name");
        var lastName = fields.requiredText("last_name");
        fields.throwIfInvalid();
        CreateFirm command = new CreateFirm(FirmId.random(), new FirmName(name.orElseThrow()), AccountId.random(),
                new PersonName(firstName.orElseThrow(), lastName.orElseThrow()));
        ResourceStates written = writes.send(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(RequestOrigin.of(request).metaData(login.getName())));
        return new FirmResource(command.firmId().toString(), command.name().value(), resources.account(
                written.account(command.firstEmployeeId().toString()).orElseThrow(), written));
    }
}
