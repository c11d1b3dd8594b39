package io.contactdetails.query.account.web;

import io.contactdetails.http.error.NotFound;
import io.contactdetails.http.request.PageRequest;
import io.contactdetails.http.request.QueryParameters;
import io.contactdetails.http.resource.AccountResource;
import io.contactdetails.http.resource.AccountWithPrimaries;
import io.contactdetails.http.resource.LaravelPage;
import io.contactdetails.http.resource.Resources;
import io.contactdetails.http.security.Actor;
import io.contactdetails.query.account.readmodel.AccountReadModel;
import io.contactdetails.query.history.PointInTime;
import io.contactdetails.query.infrastructure.ReadModelStates;
import io.contactdetails.http.resource.ConditionalGet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

import java.util.List;

@RestController
@Tag(name = "Accounts")
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
    @Operation(operationId = "getAccount", summary = "An account, as it is or as it was at an instant",
            description = "Without as_of, from the read model (which may trail a write by a moment), with its ETag; "
                    + "with as_of, computed from the events. Before the account existed is a 404.")
    public ResponseEntity<AccountResource> get(@PathVariable @Parameter(schema = @Schema(format = "uuid")) String uuid,
                                               @RequestParam(name = "as_of", required = false)
                                               @Parameter(description = "An ISO-8601 instant with an offset",
                                                       schema = @Schema(format = "date-time", example = "2025-09-17T15:46:53+01:00"))
                                               String asOf,
                                               @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                               @Parameter(hidden = true) WebRequest request) {
        String id = QueryParameters.uuid(uuid);
        if (asOf != null) {
            return ResponseEntity.ok(pointInTime.account(id, QueryParameters.instant(asOf, "as_of"))
                    .filter(past -> actor.actsIn(past.firmUuid()))
                    .map(past -> resources.account(past.account(), past.states()))
                    .orElseThrow(NotFound::new));
        }
        Resources.Tagged<AccountResource> tagged = accounts.findWithPrimaries(id)
                .filter(found -> actor.actsIn(found.account().firmUuid()))
                .map(found -> resources.taggedAccount(found.account(), states, found.primaries()))
                .orElseThrow(NotFound::new);
        return ConditionalGet.answer(tagged, request);
    }

    @GetMapping("/api/v2/accounts")
    @Operation(operationId = "listAccounts", summary = "The acting account's firm's accounts, oldest first")
    public LaravelPage<AccountResource> list(@RequestParam(required = false) @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", minimum = "1", defaultValue = "1")) String page,
                                             @RequestParam(name = "per_page", required = false) @Parameter(description = "Page size", schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "15"))
                                             String perPage,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                             HttpServletRequest request) {
        PageRequest pageRequest = QueryParameters.page(page, perPage);
        String firm = actor.firmId().toString();
        List<AccountWithPrimaries> found = accounts.pageInFirm(firm, pageRequest);
        return resources.page(resources.accounts(found.stream().map(AccountWithPrimaries::account).toList(),
                        states, found.stream().flatMap(account -> account.primaries().stream()).toList()),
                pageRequest, accounts.countInFirm(firm), request);
    }
}
