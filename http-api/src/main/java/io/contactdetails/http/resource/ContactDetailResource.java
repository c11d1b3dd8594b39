package io.contactdetails.http.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A contact detail as the API shows it. Nested in an account (as its primary) the relations
 * {@code accounts} and {@code primary_accounts} are left out, as Laravel leaves out relations it did not load.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@Schema(description = "An email address or a phone number and the client accounts that own it. Nested in an account, "
        + "and in lists without include, accounts and primary_accounts are left out.")
public record ContactDetailResource(
        @Schema(requiredMode = REQUIRED, format = "uuid", example = "f36a95cd-7ddf-4fde-a9cb-304db100c6eb") String uuid,
        @Schema(requiredMode = REQUIRED, example = "Work phone number") String name,
        @Schema(requiredMode = REQUIRED, allowableValues = {"email", "phone_number"}, example = "phone_number") String type,
        @Schema(requiredMode = REQUIRED, example = "+443330903630",
                description = "An email address, or a phone number in E.164") String value,
        @Schema(requiredMode = REQUIRED, nullable = true, description = "For phone numbers: the number's region and "
                + "national format; null for emails")
        @JsonProperty("phone_number_meta") @JsonInclude(JsonInclude.Include.ALWAYS) PhoneNumberMeta phoneNumberMeta,
        @Schema(description = "The owners (client accounts)") List<AccountResource> accounts,
        @Schema(description = "The owners that hold this detail as their primary of its type")
        @JsonProperty("primary_accounts") List<AccountResource> primaryAccounts,
        @Schema(requiredMode = REQUIRED, format = "date-time", example = ApiTime.EXAMPLE) @JsonProperty("created_at") String createdAt,
        @Schema(requiredMode = REQUIRED, format = "date-time", example = ApiTime.EXAMPLE) @JsonProperty("updated_at") String updatedAt) {
}
