package io.contactdetails.http.error;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation failures per field path ({@code value.country}, {@code account_uuids.2}), in the order found.
 * Only the first {@link #MAX_REPORTED} are reported: a request of 10,000 bad entries must not buy a 10,000
 * line answer; the summary still counts them all.
 */
public final class FieldErrors {
    public static final int MAX_REPORTED = 100;

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public static FieldErrors of(String field, String message) {
        return new FieldErrors().add(field, message);
    }

    public FieldErrors add(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, List<String>> asMap() {
        Map<String, List<String>> reported = new LinkedHashMap<>();
        int room = MAX_REPORTED;
        for (Map.Entry<String, List<String>> field : errors.entrySet()) {
            if (room == 0) {
                break;
            }
            List<String> messages = field.getValue().subList(0, Math.min(room, field.getValue().size()));
            reported.put(field.getKey(), List.copyOf(messages));
            room -= messages.size();
        }
        return Collections.unmodifiableMap(reported);
    }

    /** Laravel's top-level message: the first error, then how many more there are. */
    public String summary() {
        if (errors.isEmpty()) {
            return "The given data was invalid.";
        }
        String first = errors.values().iterator().next().get(0);
        int more = errors.values().stream().mapToInt(List::size).sum() - 1;
        return switch (more) {
            case 0 -> first;
            case 1 -> first + " (and 1 more error)";
            default -> first + " (and " + more + " more errors)";
        };
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
