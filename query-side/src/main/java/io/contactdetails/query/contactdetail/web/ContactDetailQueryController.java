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
    public ResponseEntity<ContactDetailResource> get(@PathVariable String uuid,
                                                     @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                                     WebRequest request) {
        Resources.Tagged<ContactDetailResource> tagged = contactDetails.find(QueryParameters.uuid(uuid))
                .filter(found -> actor.actsIn(found.firmUuid()))
                .map(found -> resources.taggedContactDetail(found, states))
                .orElseThrow(NotFound::new);
        return ConditionalGet.answer(tagged, request);
    }

    @GetMapping("/api/v2/contact-details")
    public LaravelPage<ContactDetailResource> list(@RequestParam Map<String, String> parameters,
                                                   @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                                   HttpServletRequest request) {
        ContactDetailListRequest list = ContactDetailListRequest.read(parameters, actor.firmId().toString());
        ContactDetailReadModel.Page page = contactDetails.page(list.query());
        return resources.page(resources.contactDetails(page.details(), list.relations(), states), list.query().page(),
                page.total(), request);
    }
}
