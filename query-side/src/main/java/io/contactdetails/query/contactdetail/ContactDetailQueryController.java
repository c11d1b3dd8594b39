package io.contactdetails.query.contactdetail;

import io.contactdetails.kernel.api.ContactDetailResource;
import io.contactdetails.query.Resources;
import io.contactdetails.query.infrastructure.Actor;
import io.contactdetails.query.infrastructure.ApiErrors;
import io.contactdetails.query.infrastructure.QueryParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ContactDetailQueryController {
    private final ContactDetailReadModel contactDetails;
    private final Resources resources;

    public ContactDetailQueryController(ContactDetailReadModel contactDetails, Resources resources) {
        this.contactDetails = contactDetails;
        this.resources = resources;
    }

    @GetMapping("/api/v2/contact-details/{uuid}")
    public ContactDetailResource get(@PathVariable String uuid, @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        return contactDetails.find(QueryParameters.uuid(uuid))
                .filter(found -> found.firmUuid().equals(actor.firmUuid()))
                .map(resources::contactDetail)
                .orElseThrow(ApiErrors.NotFound::new);
    }
}
