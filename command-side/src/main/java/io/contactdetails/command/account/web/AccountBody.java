package io.contactdetails.command.account.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The body of POST /api/v2/accounts as the contract shows it; {@link AccountController} reads it field by field. */
@Schema(name = "NewAccount", description = "An account in the acting account's firm")
record AccountBody(
        @Schema(requiredMode = REQUIRED, maxLength = 255, example = "Gareth") @JsonProperty("first_name") String firstName,
        @Schema(requiredMode = REQUIRED, maxLength = 255, example = "Thompson") @JsonProperty("last_name") String lastName,
        @Schema(allowableValues = {"client", "employee", "external"}, defaultValue = "client",
                description = "Only client accounts own contact details; employees act") String type) {
}
