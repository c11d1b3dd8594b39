package io.contactdetails.query.account;

import io.contactdetails.kernel.api.AccountResource;
import io.contactdetails.query.Resources;
import io.contactdetails.query.history.History;
import io.contactdetails.query.history.PointInTime;
import io.contactdetails.query.infrastructure.Actor;
import io.contactdetails.query.infrastructure.ApiErrors;
import io.contactdetails.query.infrastructure.LaravelPage;
import io.contactdetails.query.infrastructure.PageRequest;
import io.contactdetails.query.infrastructure.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
public class AccountQueryController {
    private final AccountReadModel accounts;
    private final Resources resources;
    private final History history;
    private final PointInTime pointInTime;

    public AccountQueryController(AccountReadModel accounts, Resources resources, History history,
                                  PointInTime pointInTime) {
        this.accounts = accounts;
        this.resources = resources;
        this.history = history;
        this.pointInTime = pointInTime;
    }

    /** The live account from the read model, or with {@code as_of} the account as it was then, from the events. */
    @GetMapping("/api/v2/accounts/{uuid}")
    public AccountResource get(@PathVariable String uuid, @RequestParam(name = "as_of", required = false) String asOf,
                               @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        String id = QueryParameters.uuid(uuid);
        if (asOf != null) {
            Instant instant = QueryParameters.instant(asOf, "as_of");
            return history.firmOfAccount(id).filter(actor.firmUuid()::equals)
                    .flatMap(firm -> pointInTime.account(id, instant))
                    .orElseThrow(ApiErrors.NotFound::new);
        }
        AccountDocument account = accounts.find(id)
                .filter(found -> found.firmUuid().equals(actor.firmUuid()))
                .orElseThrow(ApiErrors.NotFound::new);
        return resources.accounts(List.of(account)).get(0);
    }

    @GetMapping("/api/v2/accounts")
    public LaravelPage<AccountResource> list(@RequestParam(required = false) String page,
                                             @RequestParam(name = "per_page", required = false) String perPage,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                             HttpServletRequest request) {
        PageRequest pageRequest = QueryParameters.page(page, perPage);
        long total = accounts.countInFirm(actor.firmUuid());
        List<AccountResource> data = resources.accounts(accounts.pageInFirm(actor.firmUuid(), pageRequest));
        return LaravelPage.of(data, pageRequest, total, request.getRequestURL().toString());
    }
}
