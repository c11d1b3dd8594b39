package io.contactdetails.command.contactdetail.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.http.error.NotFound;
import io.contactdetails.http.request.QueryParameters;
import io.contactdetails.http.resource.ContactDetailResource;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.command.Writes;
import io.contactdetails.http.resource.EventStoreStates;
import io.contactdetails.http.resource.ResourceStates;
import io.contactdetails.http.resource.Resources;
import io.contactdetails.http.security.Actor;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import io.contactdetails.kernel.contactdetail.RemoveContactDetail;
import io.contactdetails.kernel.contactdetail.UpdateContactDetail;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.http.HttpHeaders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.contactdetails.http.error.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

@RestController
@Tag(name = "Contact details")
public class ContactDetailController {
    private final Writes writes;
    private final Resources resources;
    private final EventStoreStates states;

    public ContactDetailController(Writes writes, Resources resources, EventStoreStates states) {
        this.writes = writes;
        this.resources = resources;
        this.states = states;
    }

    @PostMapping("/api/v2/contact-details")
    @Operation(operationId = "createContactDetail", summary = "Create a contact detail for one or more client accounts",
            description = "Plannr's POST /api/v2/contact-details. A new primary replaces each owner's primary of that "
                    + "type; the events of the request commit together or not at all.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = ContactDetailBodies.NewContactDetail.class), examples = {
                    @ExampleObject(name = "seed", summary = "The seed request, primary for its owners",
                            value = ContactDetailBodies.SEED),
                    @ExampleObject(name = "seed as published", summary = "The seed as Plannr publishes it: its "
                            + "primaries are not among its owners, so it is refused with a 422",
                            value = ContactDetailBodies.SEED_AS_PUBLISHED),
                    @ExampleObject(name = "a number in another region", value = ContactDetailBodies.AUSTRALIAN_NUMBER)})))
    @ApiResponse(responseCode = "201", description = "Created: the contact detail with its accounts and primary accounts",
            content = @Content(schema = @Schema(implementation = ContactDetailResource.class),
                    examples = @ExampleObject(name = "seed", value = ContactDetailBodies.CREATED)))
    @ApiResponse(responseCode = "422", description = "A field breaks a rule: every failure by field path",
            content = @Content(schema = @Schema(implementation = ApiError.class),
                    examples = @ExampleObject(name = "seed as published", value = ContactDetailBodies.SEED_AS_PUBLISHED_REFUSED)))
    public ResponseEntity<ContactDetailResource> create(@RequestBody(required = false) JsonNode body,
                                                        @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CreateContactDetail command = ContactDetailRequest.create(body, actor.firmId());
        return render(HttpStatus.CREATED, command.contactDetailId(), send(command, actor));
    }

    /** The body is read as the detail's type says (an email or a phone number), so the detail is found first. */
    @PutMapping("/api/v2/contact-details/{uuid}")
    @Operation(operationId = "updateContactDetail", summary = "Change a contact detail's name, value, owners or primaries",
            description = "An owner that loses its primary gets the most recently attached remaining detail of that "
                    + "type as its primary, unless primary_account_uuids leaves it out on purpose.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = ContactDetailBodies.ContactDetailChanges.class),
                    examples = @ExampleObject(name = "rename", value = "{\"name\": \"Work\"}"))))
    @ApiResponse(responseCode = "200", description = "The contact detail as it now is")
    public ResponseEntity<ContactDetailResource> update(@PathVariable @Parameter(schema = @Schema(format = "uuid")) String uuid,
                                                        @RequestBody(required = false) JsonNode body,
                                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                        @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ContactDetailId id = ContactDetailId.of(QueryParameters.uuid(uuid));
        ContactDetailState current = states.contactDetail(id.toString())
                .filter(detail -> actor.actsIn(detail.firmUuid()))
                .orElseThrow(NotFound::new);
        UpdateContactDetail command = ContactDetailRequest.update(body, id, actor.firmId(),
                ContactType.fromWireName(current.type()), expectedTag(ifMatch));
        return render(HttpStatus.OK, id, send(command, actor));
    }

    @DeleteMapping("/api/v2/contact-details/{uuid}")
    @Operation(operationId = "deleteContactDetail", summary = "Delete a contact detail", description = "Owners that held it as primary get their most "
            + "recently attached remaining detail of that type as primary, if they have one.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    public ResponseEntity<Void> remove(@PathVariable @Parameter(schema = @Schema(format = "uuid")) String uuid,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        send(new RemoveContactDetail(ContactDetailId.of(QueryParameters.uuid(uuid)), actor.firmId(),
                expectedTag(ifMatch)), actor);
        return ResponseEntity.noContent().build();
    }

    /** {@code If-Match: *} asks only that the detail exists, which every change needs anyway. */
    private static Optional<String> expectedTag(String ifMatch) {
        return Optional.ofNullable(ifMatch).map(String::trim).filter(tag -> !tag.isEmpty() && !tag.equals("*"));
    }

    private ResourceStates send(Object command, Actor actor) {
        return writes.send(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.metaData()));
    }

    private ResponseEntity<ContactDetailResource> render(HttpStatus status, ContactDetailId id, ResourceStates written) {
        Resources.Tagged<ContactDetailResource> tagged = resources.taggedContactDetail(
                written.contactDetail(id.toString()).orElseThrow(NotFound::new), written);
        return ResponseEntity.status(status).eTag(tagged.etag()).body(tagged.resource());
    }
}
