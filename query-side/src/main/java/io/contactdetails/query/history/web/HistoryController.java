package io.contactdetails.query.history.web;

import io.contactdetails.http.error.NotFound;
import io.contactdetails.http.request.PageRequest;
import io.contactdetails.http.request.QueryParameters;
import io.contactdetails.http.resource.LaravelPage;
import io.contactdetails.http.resource.Resources;
import io.contactdetails.http.security.Actor;
import io.contactdetails.query.history.History;
import io.contactdetails.query.history.HistoryEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The audit trail of an account or a contact detail, oldest first, paged like every list. */
@RestController
@Tag(name = "History")
public class HistoryController {
    private final History history;
    private final Resources resources;

    public HistoryController(History history, Resources resources) {
        this.history = history;
        this.resources = resources;
    }

    @GetMapping("/api/v2/accounts/{uuid}/history")
    @Operation(operationId = "accountHistory", summary = "An account's audit trail, oldest first")
    public LaravelPage<HistoryEntry> account(@PathVariable @Parameter(schema = @Schema(format = "uuid")) String uuid,
                                             @RequestParam(required = false) @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", minimum = "1", defaultValue = "1")) String page,
                                             @RequestParam(name = "per_page", required = false) @Parameter(description = "Page size", schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "15"))
                                             String perPage,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                             HttpServletRequest request) {
        return page(uuid, actor, history::firmOfAccount, history::ofAccount, page, perPage, request);
    }

    @GetMapping("/api/v2/contact-details/{uuid}/history")
    @Operation(operationId = "contactDetailHistory", summary = "A contact detail's audit trail, with the primary changes recorded on its owners")
    public LaravelPage<HistoryEntry> contactDetail(@PathVariable @Parameter(schema = @Schema(format = "uuid")) String uuid,
                                                   @RequestParam(required = false) @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", minimum = "1", defaultValue = "1")) String page,
                                                   @RequestParam(name = "per_page", required = false) @Parameter(description = "Page size", schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "15"))
                                                   String perPage,
                                                   @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                                   HttpServletRequest request) {
        return page(uuid, actor, history::firmOfContactDetail, history::ofContactDetail, page, perPage, request);
    }

    private LaravelPage<HistoryEntry> page(String rawId, Actor actor, Function<String, Optional<String>> firmOf,
                                                  Function<String, List<HistoryEntry>> entries, String page,
                                                  String perPage, HttpServletRequest request) {
        PageRequest pageRequest = QueryParameters.page(page, perPage);
        String id = QueryParameters.uuid(rawId);
        if (!firmOf.apply(id).map(actor::actsIn).orElse(false)) {
            throw new NotFound();
        }
        List<HistoryEntry> all = entries.apply(id);
        int from = (int) Math.min(all.size(), (long) pageRequest.offset());
        int to = Math.min(all.size(), from + pageRequest.perPage());
        return resources.page(all.subList(from, to), pageRequest, all.size(), request);
    }
}
