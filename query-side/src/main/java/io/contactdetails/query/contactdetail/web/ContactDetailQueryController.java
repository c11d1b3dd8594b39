package io.contactdetails.query.contactdetail.web;

import io.contactdetails.http.error.NotFound;
import io.contactdetails.http.request.QueryParameters;
import io.contactdetails.http.resource.ContactDetailResource;
import io.contactdetails.http.resource.LaravelPage;
import io.contactdetails.http.resource.Resources;
import io.contactdetails.http.security.Actor;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailReadModel;
import io.contactdetails.query.infrastructure.ReadModelStates;
import io.contactdetails.http.resource.ConditionalGet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.util.Map;

@RestController
@Tag(name = "Contact details")
public class ContactDetailQueryController {
    private final ContactDetailReadModel contactDetails;
    private final ReadModelStates states;
    private final Resources resources;

    public ContactDetailQueryController(ContactDetailReadModel contactDetails, ReadModelStates states,
                                        Resources resources) {
        this.contactDetails = contactDetails;
        this.states = states;
        this.resources = resources;
    }

    @GetMapping("/api/v2/contact-details/{uuid}")
    @Operation(operationId = "getContactDetail", summary = "A contact detail with its accounts and primary accounts, and its ETag")
    public ResponseEntity<ContactDetailResource> get(@PathVariable @Parameter(schema = @Schema(format = "uuid")) String uuid,
                                                     @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                                     @Parameter(hidden = true) WebRequest request) {
        Resources.Tagged<ContactDetailResource> tagged = contactDetails.find(QueryParameters.uuid(uuid))
                .filter(found -> actor.actsIn(found.firmUuid()))
                .map(found -> resources.taggedContactDetail(found, states))
                .orElseThrow(NotFound::new);
        return ConditionalGet.answer(tagged, request);
    }

    @GetMapping("/api/v2/contact-details")
    @Operation(operationId = "listContactDetails", summary = "The firm's contact details, filtered, sorted and paged as spatie/laravel-query-builder does",
            description = "An unknown filter, sort or include is a 422, so that a typo never widens a sync to every "
                    + "detail of the firm.")
    @Parameter(name = "filter[uuid]", in = ParameterIn.QUERY, description = "Comma-separated contact detail uuids",
            schema = @Schema(type = "string"))
    @Parameter(name = "filter[account_uuids]", in = ParameterIn.QUERY, description = "Comma-separated owner uuids",
            schema = @Schema(type = "string"))
    @Parameter(name = "filter[type]", in = ParameterIn.QUERY, schema = @Schema(allowableValues = {"email", "phone_number"}))
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "created_at (default), updated_at, name or value; "
            + "a leading - for descending", schema = @Schema(type = "string", example = "-created_at"))
    @Parameter(name = "include", in = ParameterIn.QUERY, description = "accounts, primary_accounts, or both "
            + "comma-separated; left out, the details come without them",
            schema = @Schema(type = "string", example = "accounts,primary_accounts"))
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "Page number, from 1",
            schema = @Schema(type = "integer", minimum = "1", defaultValue = "1"))
    @Parameter(name = "per_page", in = ParameterIn.QUERY, description = "Page size",
            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "15"))
    public LaravelPage<ContactDetailResource> list(@RequestParam @Parameter(hidden = true) Map<String, String> parameters,
                                                   @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                                   HttpServletRequest request) {
        ContactDetailListRequest list = ContactDetailListRequest.read(parameters, actor.firmId().toString());
        ContactDetailReadModel.Page page = contactDetails.page(list.query());
        return resources.page(resources.contactDetails(page.details(), list.relations(), states), list.query().page(),
                page.total(), request);
    }
}
