package io.contactdetails.http.error;

/** The request's fields or query parameters broke the API's rules: a 422 listing every failure by field path. */
public class InvalidRequest extends RuntimeException {
    private final FieldErrors errors;

    public InvalidRequest(FieldErrors errors) {
        super(errors.toString(), null, false, false);
        this.errors = errors;
    }

    public FieldErrors errors() {
        return errors;
    }
}
