package io.contactdetails.http.error;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validation failures per field path ({@code value.country}, {@code account_uuids.2}), in the order found. */
public final class FieldErrors {
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
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        return Collections.unmodifiableMap(copy);
    }

    /** Laravel's top-level message: the first error, then how many more there are. */
    public String summary() {
        List<String> all = errors.values().stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            return "The given data was invalid.";
        }
        int more = all.size() - 1;
        return switch (more) {
            case 0 -> all.get(0);
            case 1 -> all.get(0) + " (and 1 more error)";
            default -> all.get(0) + " (and " + more + " more errors)";
        };
    }

    @Override
    public String toString() {
        return errors.toString();
    }
}
