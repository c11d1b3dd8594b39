package io.contactdetails.http.error;

import io.contactdetails.http.request.RequestLimitsFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.stream.Collectors;

/**
 * Where the HTTP layer's refusals become the API's error shapes, for both sides alike. The write side maps
 * its domain rejections next to its model; everything about the request itself is answered here.
 */
@RestControllerAdvice
public class ApiErrors {
    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ApiError> invalid(InvalidRequest e) {
        return respond(HttpStatus.UNPROCESSABLE_ENTITY, ApiError.validation(e.errors()));
    }

    @ExceptionHandler({NotFound.class, NoResourceFoundException.class})
    ResponseEntity<ApiError> notFound() {
        return respond(HttpStatus.NOT_FOUND, ApiError.NOT_FOUND);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (causedBy(e, RequestLimitsFilter.PayloadTooLarge.class)) {
            return respond(HttpStatus.PAYLOAD_TOO_LARGE, ApiError.PAYLOAD_TOO_LARGE);
        }
        return respond(HttpStatus.BAD_REQUEST, ApiError.NOT_JSON);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedMediaType() {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ApiError.UNSUPPORTED_MEDIA_TYPE);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable() {
        return respond(HttpStatus.NOT_ACCEPTABLE, ApiError.NOT_ACCEPTABLE);
    }

    /** RFC 9110 asks a 405 to say which methods the route has. */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .contentType(MediaType.APPLICATION_JSON);
        if (e.getSupportedHttpMethods() != null) {
            response.header(HttpHeaders.ALLOW, e.getSupportedHttpMethods().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")));
        }
        return response.body(ApiError.message("The " + e.getMethod() + " method is not supported for this route."));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Always JSON, whatever the request's Accept header asked for: an error is never turned into a 406 or a 500. */
    public static ResponseEntity<ApiError> respond(HttpStatusCode status, ApiError error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(error);
    }
}
