package io.contactdetails.command.infrastructure;

import io.contactdetails.command.contactdetail.application.OwnersRefused;
import io.contactdetails.command.contactdetail.model.ContactDetailNotFound;
import io.contactdetails.command.contactdetail.model.ResourceModified;
import io.contactdetails.command.contactdetail.web.OwnerErrors;
import io.contactdetails.kernel.contactdetail.ContactDetailOwners;
import io.contactdetails.http.error.ApiError;
import io.contactdetails.http.error.ApiErrors;
import io.contactdetails.http.error.FieldErrors;
import io.contactdetails.http.request.JsonFields;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place where the model's rejections become the API's error shapes (the request's own are in ApiErrors). */
@RestControllerAdvice
public class DomainRejections {
    private static final Logger log = LoggerFactory.getLogger(DomainRejections.class);

    @ExceptionHandler(OwnersRefused.class)
    ResponseEntity<ApiError> ownersRefused(OwnersRefused e) {
        FieldErrors errors = new FieldErrors();
        e.refusals().forEach((index, refusal) -> {
            switch (refusal) {
                case NOT_A_CLIENT_OF_THE_FIRM -> {
                    String path = "account_uuids." + index;
                    errors.add(path, "The selected " + JsonFields.attribute(path) + " is invalid.");
                }
                case SAME_VALUE_ALREADY_OWNED -> {
                    if (!errors.has("value")) {
                        errors.add("value", "The value has already been taken.");
                    }
                }
            }
        });
        return ApiErrors.respond(HttpStatus.UNPROCESSABLE_ENTITY, ApiError.validation(errors));
    }

    @ExceptionHandler(ContactDetailNotFound.class)
    ResponseEntity<ApiError> contactDetailNotFound() {
        return ApiErrors.respond(HttpStatus.NOT_FOUND, ApiError.NOT_FOUND);
    }

    @ExceptionHandler(ResourceModified.class)
    ResponseEntity<ApiError> modified() {
        return ApiErrors.respond(HttpStatus.PRECONDITION_FAILED, ApiError.PRECONDITION_FAILED);
    }

    /** Primaries named in a PUT without owners are judged against the owners the detail has inside the unit of work. */
    @ExceptionHandler(ContactDetailOwners.Invalid.class)
    ResponseEntity<ApiError> invalidOwners(ContactDetailOwners.Invalid e) {
        return ApiErrors.respond(HttpStatus.UNPROCESSABLE_ENTITY,
                ApiError.validation(OwnerErrors.report(new FieldErrors(), e.violations())));
    }

    /**
     * Axon names a failed append by its first event: when a request that creates a stream (sequence 0) loses
     * the race on another stream of the same append (an owner's account), it reports
     * AggregateStreamCreationException. Ids are random, so a real reuse of one is not what happened.
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ApiError> conflict(Exception e) {
        log.info("Gave up after concurrent changes: {}", e.getMessage());
        return ApiErrors.respond(HttpStatus.CONFLICT,
                ApiError.message("The record was changed by another request at the same time. Please retry."));
    }
}
