package io.contactdetails.http.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** An account as the API shows it; {@code email} is the value of its primary email. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "An account, with its primary email and phone number (Plannr's AccountResource, the fields this "
        + "service owns)")
public record AccountResource(
        @Schema(requiredMode = REQUIRED, format = "uuid", example = "2c39202f-a0a1-4c9b-b939-941eb5dc6c14") String uuid,
        @Schema(requiredMode = REQUIRED, allowableValues = {"client", "employee", "external"}, example = "client") String type,
        @Schema(requiredMode = REQUIRED, example = "Gareth") @JsonProperty("first_name") String firstName,
        @Schema(requiredMode = REQUIRED, example = "Thompson") @JsonProperty("last_name") String lastName,
        @Schema(requiredMode = REQUIRED, example = "Gareth Thompson") String name,
        @Schema(requiredMode = REQUIRED, types = {"string", "null"}, example = "gareth@codepotato.co.uk",
                description = "The value of the primary email, or null when the account has none") String email,
        @Schema(requiredMode = REQUIRED, nullable = true, description = "The primary email, without its accounts")
        @JsonProperty("primary_email") ContactDetailResource primaryEmail,
        @Schema(requiredMode = REQUIRED, nullable = true, description = "The primary phone number, without its accounts")
        @JsonProperty("primary_phone_number") ContactDetailResource primaryPhoneNumber,
        @Schema(requiredMode = REQUIRED, format = "date-time", example = ApiTime.EXAMPLE)
        @JsonProperty("created_at") String createdAt,
        @Schema(requiredMode = REQUIRED, format = "date-time", example = ApiTime.EXAMPLE)
        @JsonProperty("updated_at") String updatedAt) {
}
