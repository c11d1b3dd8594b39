package io.contactdetails.command.firm.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The body of POST /api/v2/firms as the contract shows it; {@link FirmController} reads it field by field. */
@Schema(name = "NewFirm", description = "A firm and the name of its first employee")
record FirmBody(
        @Schema(requiredMode = REQUIRED, maxLength = 255, example = "Thompson Advice") String name,
        @Schema(requiredMode = REQUIRED, maxLength = 255, example = "Ada") @JsonProperty("first_name") String firstName,
        @Schema(requiredMode = REQUIRED, maxLength = 255, example = "Lovelace") @JsonProperty("last_name") String lastName) {
}
