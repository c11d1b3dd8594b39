package io.contactdetails.http.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;

import java.util.List;

/**
 * A contact detail as the API shows it. Nested in an account (as its primary) the relations
 * {@code accounts} and {@code primary_accounts} are left out, as Laravel leaves out relations it did not load.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ContactDetailResource(
        String uuid,
        String name,
        String type,
        String value,
        @JsonProperty("phone_number_meta") @JsonInclude(JsonInclude.Include.ALWAYS) PhoneNumberMeta phoneNumberMeta,
        List<AccountResource> accounts,
        @JsonProperty("primary_accounts") List<AccountResource> primaryAccounts,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {
}
