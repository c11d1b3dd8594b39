package io.contactdetails.http.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The error body Plannr clients already parse (Laravel's shapes). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Every refusal, in the shapes Laravel answers: a message, and for 422s the errors per field path")
public record ApiError(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "The selected primary account uuids.0 is invalid.")
        String message,
        @Schema(description = "422 only: the messages per field path (such as account_uuids.1 or value.country)",
                example = "{\"primary_account_uuids.0\": [\"The selected primary account uuids.0 is invalid.\"]}")
        Map<String, List<String>> errors) {
    public static final ApiError UNAUTHENTICATED = new ApiError("Unauthenticated.", null);
    public static final ApiError UNAUTHORIZED = new ApiError("This action is unauthorized.", null);
    public static final ApiError NOT_FOUND = new ApiError("Not found.", null);
    public static final ApiError NOT_JSON = new ApiError("The request body is not valid JSON.", null);
    public static final ApiError NOT_ACCEPTABLE = new ApiError("This endpoint answers in application/json.", null);
    public static final ApiError PRECONDITION_FAILED = new ApiError("The resource has been modified.", null);
    public static final ApiError PAYLOAD_TOO_LARGE = new ApiError("The request body is too large.", null);
    public static final ApiError UNSUPPORTED_MEDIA_TYPE = new ApiError("The request body must be application/json.", null);

    public static ApiError message(String message) {
        return new ApiError(message, null);
    }

    /** The body for a bare status code, as the servlet container's error dispatch reports it. */
    public static ApiError forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 405 -> message("Method not allowed.");
            case 406 -> NOT_ACCEPTABLE;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> message("Too Many Attempts.");
            default -> status >= 500 ? message("Server Error") : message("Bad request.");
        };
    }

    public static ApiError validation(FieldErrors errors) {
        return new ApiError(errors.summary(), errors.asMap());
    }
}
