package io.contactdetails.http.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.contactdetails.kernel.InvalidValue;
import io.contactdetails.kernel.Text;
import io.contactdetails.http.error.FieldErrors;
import io.contactdetails.http.error.InvalidRequest;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a JSON request body field by field, collecting every failure with its path in Laravel's words,
 * so that one response reports all of them.
 */
public final class JsonFields {
    private final JsonNode body;
    private final FieldErrors errors = new FieldErrors();

    public JsonFields(JsonNode body) {
        this.body = body != null && body.isObject() ? body : JsonNodeFactory.instance.objectNode();
    }

    public static String attribute(String path) {
        return path.replace('_', ' ');
    }

    public JsonNode node(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    public Optional<String> requiredString(String field) {
        return requiredString(node(field), field);
    }

    public Optional<String> requiredString(JsonNode node, String path) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return reject(path, "The " + attribute(path) + " field is required.");
        }
        if (!node.isTextual()) {
            return reject(path, "The " + attribute(path) + " field must be a string.");
        }
        return Optional.of(node.asText());
    }

    /** A required string that also obeys the shared text rules (trimmed, at most 255 characters). */
    public Optional<String> requiredText(String field) {
        return requiredString(field).flatMap(text -> valueOf(field, () -> Text.required(text, attribute(field))));
    }

    /** A boolean in Laravel's accepted forms: {@code true}, {@code false}, {@code 1}, {@code 0}, {@code "1"}, {@code "0"}. */
    public boolean optionalBoolean(String field, boolean otherwise) {
        JsonNode node = node(field);
        if (node == null) {
            return otherwise;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String form = node.isIntegralNumber() || node.isTextual() ? node.asText() : "";
        if (form.equals("1") || form.equals("0")) {
            return form.equals("1");
        }
        reject(field, "The " + attribute(field) + " field must be true or false.");
        return otherwise;
    }

    /** Builds a value object, filing its refusal under {@code path}. */
    public <T> Optional<T> valueOf(String path, Supplier<T> factory) {
        try {
            return Optional.ofNullable(factory.get());
        } catch (InvalidValue e) {
            return reject(path, e.getMessage());
        }
    }

    /** Builds a value object, filing any refusal under {@code path} with {@code message}. */
    public <T> Optional<T> valueOf(String path, String message, Supplier<T> factory) {
        try {
            return Optional.ofNullable(factory.get());
        } catch (InvalidValue e) {
            return reject(path, message);
        }
    }

    public <T> Optional<T> reject(String path, String message) {
        errors.add(path, message);
        return Optional.empty();
    }

    public FieldErrors errors() {
        return errors;
    }

    /** Throws the collected failures as a 422, if there are any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
