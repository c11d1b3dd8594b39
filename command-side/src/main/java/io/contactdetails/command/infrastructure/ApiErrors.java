package io.contactdetails.command.infrastructure;

import io.contactdetails.command.account.Account.OwnershipRefusal;
import io.contactdetails.command.contactdetail.OwnersRefused;
import io.contactdetails.kernel.api.ApiError;
import io.contactdetails.kernel.api.FieldErrors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Map;

/** The one place where the write side's rejections become the API's error shapes. */
@RestControllerAdvice
public class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(JsonFields.InvalidRequest.class)
    ResponseEntity<ApiError> invalid(JsonFields.InvalidRequest e) {
        return respond(HttpStatus.UNPROCESSABLE_ENTITY, ApiError.validation(e.errors()));
    }

    @ExceptionHandler(OwnersRefused.class)
    ResponseEntity<ApiError> ownersRefused(OwnersRefused e) {
        FieldErrors errors = new FieldErrors();
        for (Map.Entry<Integer, OwnershipRefusal> refusal : e.refusals().entrySet()) {
            switch (refusal.getValue()) {
                case NOT_A_CLIENT_OF_THE_FIRM -> {
                    String path = "account_uuids." + refusal.getKey();
                    errors.add(path, "The selected " + JsonFields.attribute(path) + " is invalid.");
                }
                case SAME_VALUE_ALREADY_OWNED -> {
                    if (!errors.has("value")) {
                        errors.add("value", "The value has already been taken.");
                    }
                }
            }
        }
        return respond(HttpStatus.UNPROCESSABLE_ENTITY, ApiError.validation(errors));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ApiError> conflict(ConcurrencyException e) {
        log.info("Gave up after concurrent changes: {}", e.getMessage());
        return respond(HttpStatus.CONFLICT,
                ApiError.message("The record was changed by another request at the same time. Please retry."));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ApiError> notFound() {
        return respond(HttpStatus.NOT_FOUND, ApiError.NOT_FOUND);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (causedBy(e, RequestLimitsFilter.PayloadTooLarge.class)) {
            return respond(HttpStatus.PAYLOAD_TOO_LARGE, ApiError.message("The request body is too large."));
        }
        return respond(HttpStatus.BAD_REQUEST, ApiError.message("The request body is not valid JSON."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedMediaType() {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ApiError.message("The request body must be application/json."));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable() {
        return respond(HttpStatus.NOT_ACCEPTABLE, ApiError.message("This endpoint answers in application/json."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED,
                ApiError.message("The " + e.getMethod() + " method is not supported for this route."));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noRoute() {
        return respond(HttpStatus.NOT_FOUND, ApiError.NOT_FOUND);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ApiError> respond(HttpStatus status, ApiError error) {
        return ResponseEntity.status(status).body(error);
    }
}
