package io.contactdetails.command.contactdetail.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The bodies of POST and PUT /api/v2/contact-details as the contract shows them, with the seed document's
 * examples. {@link ContactDetailRequest} reads them field by field and holds the rules.
 */
final class ContactDetailBodies {
    /** Plannr's seed request, with its primaries among its owners (as the seed publishes it, it is a 422). */
    static final String SEED = """
            {"type": "phone_number", "name": "Work phone number", "value": "+443330903630", "is_primary": true,
             "account_uuids": ["eb9aa305-ed3b-49cb-99e1-f48dab69c0e3", "6b2af2f3-4486-4692-8e2b-0da3bcf5fd1d"],
             "primary_account_uuids": ["eb9aa305-ed3b-49cb-99e1-f48dab69c0e3", "6b2af2f3-4486-4692-8e2b-0da3bcf5fd1d"]}""";
    static final String SEED_AS_PUBLISHED = """
            {"type": "phone_number", "name": "Work phone number", "value": "+443330903630", "is_primary": true,
             "account_uuids": ["eb9aa305-ed3b-49cb-99e1-f48dab69c0e3", "6b2af2f3-4486-4692-8e2b-0da3bcf5fd1d"],
             "primary_account_uuids": ["9d505c60-6c5a-42a0-8527-cc1777566e7c", "53518fe7-c0d1-4026-aec8-f47adba2923d"]}""";
    static final String SEED_AS_PUBLISHED_REFUSED = """
            {"message": "The selected primary account uuids.0 is invalid. (and 1 more error)",
             "errors": {"primary_account_uuids.0": ["The selected primary account uuids.0 is invalid."],
                        "primary_account_uuids.1": ["The selected primary account uuids.1 is invalid."]}}""";
    static final String AUSTRALIAN_NUMBER = """
            {"type": "phone_number", "name": "Sydney office", "value": {"country": "AU", "number": "+61 2 3456 7890"},
             "account_uuids": ["eb9aa305-ed3b-49cb-99e1-f48dab69c0e3"]}""";
    static final String CREATED = """
            {"uuid": "f36a95cd-7ddf-4fde-a9cb-304db100c6eb", "name": "Work phone number", "type": "phone_number",
             "value": "+443330903630", "phone_number_meta": {"country": "GB", "formatted": "0333 090 3630"},
             "accounts": [{"uuid": "eb9aa305-ed3b-49cb-99e1-f48dab69c0e3", "type": "client", "first_name": "Gareth",
               "last_name": "Thompson", "name": "Gareth Thompson", "email": null, "primary_email": null,
               "primary_phone_number": {"uuid": "f36a95cd-7ddf-4fde-a9cb-304db100c6eb", "name": "Work phone number",
                 "type": "phone_number", "value": "+443330903630",
                 "phone_number_meta": {"country": "GB", "formatted": "0333 090 3630"},
                 "created_at": "2025-09-17T15:46:53+01:00", "updated_at": "2025-09-17T15:46:53+01:00"},
               "created_at": "2025-09-17T15:46:53+01:00", "updated_at": "2025-09-17T15:46:53+01:00"}],
             "primary_accounts": [{"uuid": "eb9aa305-ed3b-49cb-99e1-f48dab69c0e3", "type": "client",
               "first_name": "Gareth", "last_name": "Thompson", "name": "Gareth Thompson", "email": null,
               "primary_email": null,
               "primary_phone_number": {"uuid": "f36a95cd-7ddf-4fde-a9cb-304db100c6eb", "name": "Work phone number",
                 "type": "phone_number", "value": "+443330903630",
                 "phone_number_meta": {"country": "GB", "formatted": "0333 090 3630"},
                 "created_at": "2025-09-17T15:46:53+01:00", "updated_at": "2025-09-17T15:46:53+01:00"},
               "created_at": "2025-09-17T15:46:53+01:00", "updated_at": "2025-09-17T15:46:53+01:00"}],
             "created_at": "2025-09-17T15:46:53+01:00", "updated_at": "2025-09-17T15:46:53+01:00"}""";

    private ContactDetailBodies() {
    }

    @Schema(name = "PhoneNumberInRegion", description = "A phone number read with the given region's format")
    record PhoneValue(
            @Schema(requiredMode = REQUIRED, description = "ISO 3166-1 alpha-2", example = "AU") String country,
            @Schema(requiredMode = REQUIRED, example = "+61 2 3456 7890") String number) {
    }

    @Schema(name = "NewContactDetail", description = "Plannr's POST /api/v2/contact-details body")
    record NewContactDetail(
            @Schema(requiredMode = REQUIRED, allowableValues = {"email", "phone_number"}) String type,
            @Schema(requiredMode = REQUIRED, maxLength = 255, description = "A label, such as Work phone number") String name,
            @Schema(requiredMode = REQUIRED, oneOf = {String.class, PhoneValue.class}, description = "An email address; "
                    + "or a phone number, as a string read as GB unless it starts with +, or as {country, number}")
            Object value,
            @Schema(types = {"boolean", "integer", "string"}, defaultValue = "false", description = "Primary for every "
                    + "owner (true, false, 1, 0, \"1\" or \"0\")") @JsonProperty("is_primary") Object isPrimary,
            @ArraySchema(minItems = 1, uniqueItems = true, schema = @Schema(format = "uuid"), arraySchema = @Schema(
                    requiredMode = REQUIRED, description = "The owners: client accounts of the firm"))
            @JsonProperty("account_uuids") List<String> accountUuids,
            @ArraySchema(uniqueItems = true, schema = @Schema(format = "uuid"), arraySchema = @Schema(description =
                    "Owners that take this detail as their primary of its type; each must be in account_uuids"))
            @JsonProperty("primary_account_uuids") List<String> primaryAccountUuids) {
    }

    @Schema(name = "ContactDetailChanges", description = "What changes: at least one of name, value, account_uuids and "
            + "primary_account_uuids. The type never changes. account_uuids replaces the owners; "
            + "primary_account_uuids names exactly the owners that hold it as primary.")
    record ContactDetailChanges(
            @Schema(allowableValues = {"email", "phone_number"}, description = "Only as the detail already is") String type,
            @Schema(maxLength = 255) String name,
            @Schema(oneOf = {String.class, PhoneValue.class}, description = "Read as the detail's type says") Object value,
            @ArraySchema(minItems = 1, uniqueItems = true, schema = @Schema(format = "uuid"))
            @JsonProperty("account_uuids") List<String> accountUuids,
            @ArraySchema(uniqueItems = true, schema = @Schema(format = "uuid"))
            @JsonProperty("primary_account_uuids") List<String> primaryAccountUuids) {
    }
}
