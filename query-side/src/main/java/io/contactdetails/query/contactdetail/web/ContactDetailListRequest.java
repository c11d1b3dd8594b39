package io.contactdetails.query.contactdetail.web;

import io.contactdetails.http.error.FieldErrors;
import io.contactdetails.http.error.InvalidRequest;
import io.contactdetails.http.request.PageRequest;
import io.contactdetails.http.request.QueryParameters;
import io.contactdetails.http.resource.Resources;
import io.contactdetails.kernel.InvalidValue;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailQuery;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The query string of GET /api/v2/contact-details in spatie/laravel-query-builder's terms: {@code filter[..]},
 * {@code sort}, {@code include}, and the page. What it does not know is a 422, so a typo never silently
 * widens a sync to every detail of the firm.
 */
record ContactDetailListRequest(ContactDetailQuery query, Resources.Relations relations) {
    private static final Set<String> FILTERS = Set.of("uuid", "account_uuids", "type");
    private static final Set<String> INCLUDES = Set.of("accounts", "primary_accounts");

    static ContactDetailListRequest read(Map<String, String> parameters, String firmUuid) {
        FieldErrors errors = new FieldErrors();
        PageRequest page = QueryParameters.page(parameters.get("page"), parameters.get("per_page"));
        parameters.keySet().stream().filter(key -> key.startsWith("filter[")).sorted()
                .filter(key -> !key.endsWith("]") || !FILTERS.contains(key.substring(7, key.length() - 1)))
                .forEach(key -> errors.add(key, "The filter " + key + " is not allowed. Allowed filters are "
                        + String.join(", ", FILTERS.stream().sorted().toList()) + "."));
        Optional<List<String>> uuids = uuids(parameters.get("filter[uuid]"), "filter.uuid", errors);
        Optional<List<String>> accounts = uuids(parameters.get("filter[account_uuids]"), "filter.account_uuids", errors);
        Optional<String> type = Optional.ofNullable(parameters.get("filter[type]")).map(String::trim).flatMap(wire -> {
            try {
                return Optional.of(ContactType.fromWireName(wire).wireName());
            } catch (InvalidValue e) {
                errors.add("filter.type", "The selected filter.type is invalid.");
                return Optional.empty();
            }
        });
        ContactDetailQuery.Sort sort = sort(parameters.get("sort"), errors);
        Resources.Relations relations = relations(parameters.get("include"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new ContactDetailListRequest(new ContactDetailQuery(firmUuid, uuids, accounts, type, sort, page), relations);
    }

    private static Optional<List<String>> uuids(String raw, String field, FieldErrors errors) {
        if (raw == null) {
            return Optional.empty();
        }
        List<String> values = Arrays.stream(raw.split(",")).map(String::trim).filter(value -> !value.isEmpty()).toList();
        try {
            return Optional.of(values.stream().map(value -> UUID.fromString(value).toString()).toList());
        } catch (IllegalArgumentException e) {
            errors.add(field, "The " + field + " field must be a comma-separated list of UUIDs.");
            return Optional.empty();
        }
    }

    private static ContactDetailQuery.Sort sort(String raw, FieldErrors errors) {
        if (raw == null || raw.isBlank()) {
            return ContactDetailQuery.Sort.DEFAULT;
        }
        boolean descending = raw.startsWith("-");
        String name = descending ? raw.substring(1) : raw;
        return Arrays.stream(ContactDetailQuery.Field.values()).filter(field -> field.wireName().equals(name))
                .findFirst().map(field -> new ContactDetailQuery.Sort(field, descending))
                .orElseGet(() -> {
                    errors.add("sort", "The sort " + raw + " is not allowed. Allowed sorts are created_at, updated_at, "
                            + "name, value (with - for descending).");
                    return ContactDetailQuery.Sort.DEFAULT;
                });
    }

    private static Resources.Relations relations(String raw, FieldErrors errors) {
        if (raw == null || raw.isBlank()) {
            return Resources.Relations.NONE;
        }
        List<String> asked = Arrays.stream(raw.split(",")).map(value -> value.trim().toLowerCase(Locale.ROOT)).toList();
        asked.stream().filter(include -> !INCLUDES.contains(include)).forEach(include ->
                errors.add("include", "The include " + include + " is not allowed. Allowed includes are accounts, "
                        + "primary_accounts."));
        return new Resources.Relations(asked.contains("accounts"), asked.contains("primary_accounts"));
    }
}
