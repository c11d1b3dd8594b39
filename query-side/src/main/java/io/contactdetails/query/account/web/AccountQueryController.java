package io.contactdetails.query.account.web;

import io.contactdetails.http.error.NotFound;
import io.contactdetails.http.request.PageRequest;
import io.contactdetails.http.request.QueryParameters;
import io.contactdetails.http.resource.AccountResource;
import io.contactdetails.http.resource.LaravelPage;
import io.contactdetails.http.resource.Resources;
import io.contactdetails.http.security.Actor;
import io.contactdetails.query.account.readmodel.AccountReadModel;
import io.contactdetails.query.history.PointInTime;
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

@RestController
public class AccountQueryController {
    private final AccountReadModel accounts;
    private final ReadModelStates states;
    private final Resources resources;
    private final PointInTime pointInTime;

    public AccountQueryController(AccountReadModel accounts, ReadModelStates states, Resources resources,
                                  PointInTime pointInTime) {
        this.accounts = accounts;
        this.states = states;
        this.resources = resources;
        this.pointInTime = pointInTime;
    }

    /** The live account from the read model, or with {@code as_of} the account as it was then, from the events. */
    @GetMapping("/api/v2/accounts/{uuid}")
    public ResponseEntity<AccountResource> get(@PathVariable String uuid,
                                               @RequestParam(name = "as_of", required = false) String asOf,
                                               @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                               WebRequest request) {
        String id = QueryParameters.uuid(uuid);
        if (asOf != null) {
            return ResponseEntity.ok(pointInTime.account(id, QueryParameters.instant(asOf, "as_of"))
                    .filter(past -> actor.actsIn(past.firmUuid()))
                    .map(past -> resources.account(past.account(), past.states()))
                    .orElseThrow(NotFound::new));
        }
        Resources.Tagged<AccountResource> tagged = accounts.find(id)
                .filter(found -> actor.actsIn(found.firmUuid()))
                .map(found -> resources.taggedAccount(found, states))
                .orElseThrow(NotFound::new);
        return ConditionalGet.answer(tagged, request);
    }

    @GetMapping("/api/v2/accounts")
    public LaravelPage<AccountResource> list(@RequestParam(required = false) String page,
                                             @RequestParam(name = "per_page", required = false) String perPage,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                             HttpServletRequest request) {
        PageRequest pageRequest = QueryParameters.page(page, perPage);
        String firm = actor.firmId().toString();
        return resources.page(resources.accounts(accounts.pageInFirm(firm, pageRequest), states), pageRequest,
                accounts.countInFirm(firm), request);
    }
}
