package io.contactdetails.http.request;

import io.contactdetails.http.error.FieldErrors;
import io.contactdetails.http.error.InvalidRequest;
import io.contactdetails.http.error.NotFound;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reads path and query parameters the way the API promises: bad ids are 404s, bad paging is a 422. */
public final class QueryParameters {
    private QueryParameters() {
    }

    /** The canonical form of an id from the path; anything that is not a uuid cannot exist. */
    public static String uuid(String raw) {
        try {
            String canonical = UUID.fromString(raw).toString();
            if (!canonical.equalsIgnoreCase(raw)) {
                throw new NotFound();
            }
            return canonical.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    /** An ISO-8601 instant, with an offset ({@code 2025-09-17T15:46:53+01:00}) or in UTC ({@code ...Z}). */
    public static Instant instant(String raw, String field) {
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(FieldErrors.of(field,
                    "The " + field.replace('_', ' ') + " field must be a valid ISO-8601 date and time with an offset."));
        }
    }

    public static PageRequest page(String page, String perPage) {
        FieldErrors errors = new FieldErrors();
        int pageNumber = integer(page, "page", 1, PageRequest.MAX_PAGE, errors).orElse(1);
        int size = integer(perPage, "per_page", 1, PageRequest.MAX_PER_PAGE, errors).orElse(PageRequest.DEFAULT_PER_PAGE);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new PageRequest(pageNumber, size);
    }

    private static Optional<Integer> integer(String raw, String field, int min, int max, FieldErrors errors) {
        if (raw == null) {
            return Optional.empty();
        }
        String attribute = field.replace('_', ' ');
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min) {
                errors.add(field, "The " + attribute + " field must be at least " + min + ".");
            } else if (value > max) {
                errors.add(field, "The " + attribute + " field must not be greater than " + max + ".");
            } else {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            errors.add(field, "The " + attribute + " field must be an integer.");
        }
        return Optional.empty();
    }
}
