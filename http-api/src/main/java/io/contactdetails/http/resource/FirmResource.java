package io.contactdetails.http.resource;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The answer to creating a firm: the firm and the employee account that can act in it. */
@Schema(description = "A firm (the tenant) and its first employee account, which acts in it")
public record FirmResource(
        @Schema(requiredMode = REQUIRED, format = "uuid", example = "0b8a4d8e-3f8c-4a51-9d5e-4b2b6e1b7f10") String uuid,
        @Schema(requiredMode = REQUIRED, example = "Thompson Advice") String name,
        @Schema(requiredMode = REQUIRED) AccountResource account) {
}
