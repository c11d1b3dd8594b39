package io.contactdetails.http.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An account as the API shows it; {@code email} is the value of its primary email. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AccountResource(
        String uuid,
        String type,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        String name,
        String email,
        @JsonProperty("primary_email") ContactDetailResource primaryEmail,
        @JsonProperty("primary_phone_number") ContactDetailResource primaryPhoneNumber,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {
}
