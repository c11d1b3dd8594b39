package io.contactdetails.query.infrastructure;

import io.contactdetails.kernel.api.ApiError;
import io.contactdetails.kernel.api.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place where the read side's failures become the API's error shapes. */
@RestControllerAdvice
public class ApiErrors {

    /** An id that is unknown or belongs to another firm: the two are never told apart. */
    public static class NotFound extends RuntimeException {
        public NotFound() {
            super(null, null, false, false);
        }
    }

    public static class InvalidQuery extends RuntimeException {
        private final FieldErrors errors;

        public InvalidQuery(FieldErrors errors) {
            super(errors.toString(), null, false, false);
            this.errors = errors;
        }
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ApiError> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.NOT_FOUND);
    }

    @ExceptionHandler(InvalidQuery.class)
    ResponseEntity<ApiError> invalid(InvalidQuery e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(ApiError.validation(e.errors));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noRoute() {
        return notFound();
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(ApiError.message("The " + e.getMethod() + " method is not supported for this route."));
    }
}
