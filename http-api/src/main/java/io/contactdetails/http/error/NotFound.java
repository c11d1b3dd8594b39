package io.contactdetails.http.error;

/** An id that is unknown or belongs to another firm: the two are never told apart. */
public class NotFound extends RuntimeException {
    public NotFound() {
        super(null, null, false, false);
    }
}
