package io.contactdetails.command.contactdetail;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.command.infrastructure.JsonFields;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailName;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.ContactValue;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import io.contactdetails.kernel.contactdetail.EmailAddress;
import io.contactdetails.kernel.contactdetail.PhoneNumber;
import io.contactdetails.kernel.firm.FirmId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The body of POST /api/v2/contact-details, read into a {@link CreateContactDetail} or every reason it is not one. */
final class ContactDetailRequest {
    private static final String INVALID_PHONE = "The %s field must be a valid phone number.";
    private ContactDetailRequest() {
    }

    static CreateContactDetail read(JsonNode body, FirmId firmId) {
        JsonFields fields = new JsonFields(body);
        Optional<ContactType> type = fields.requiredString("type")
                .flatMap(wire -> fields.valueOf("type", () -> ContactType.fromWireName(wire)));
        Optional<ContactDetailName> name = fields.requiredText("name").map(ContactDetailName::new);
        Optional<ContactValue> value = type.flatMap(t -> readValue(fields, t));
        if (type.isEmpty() && fields.node("value") == null) {
            fields.reject("value", "The value field is required.");
        }
        boolean primaryForAll = fields.optionalBoolean("is_primary", false);
        Optional<List<AccountId>> owners = readUuids(fields, "account_uuids", true);
        Optional<List<AccountId>> primaryAccounts = readUuids(fields, "primary_account_uuids", false);
        if (owners.isPresent() && primaryAccounts.isPresent()) {
            List<AccountId> primaries = primaryAccounts.get();
            for (int index = 0; index < primaries.size(); index++) {
                if (!owners.get().contains(primaries.get(index))) {
                    String path = "primary_account_uuids." + index;
                    fields.reject(path, "The selected " + JsonFields.attribute(path) + " is invalid.");
                }
            }
        }
        fields.throwIfInvalid();
        Set<AccountId> primaryFor = primaryForAll
                ? new HashSet<>(owners.orElseThrow())
                : new LinkedHashSet<>(primaryAccounts.orElse(List.of()));
        return new CreateContactDetail(ContactDetailId.random(), firmId, name.orElseThrow(), value.orElseThrow(),
                owners.orElseThrow(), primaryFor);
    }

    private static Optional<ContactValue> readValue(JsonFields fields, ContactType type) {
        JsonNode value = fields.node("value");
        if (type == ContactType.EMAIL) {
            return fields.requiredString("value").flatMap(raw -> fields.valueOf("value", () -> new EmailAddress(raw)));
        }
        if (value != null && value.isObject()) {
            Optional<String> country = fields.requiredString(value.get("country"), "value.country");
            if (country.isPresent() && !PhoneNumber.isSupportedRegion(country.get())) {
                country = fields.reject("value.country", "The selected value.country is invalid.");
            }
            Optional<String> number = fields.requiredString(value.get("number"), "value.number");
            if (country.isEmpty() || number.isEmpty()) {
                return Optional.empty();
            }
            String region = country.get();
            return fields.valueOf("value.number", INVALID_PHONE.formatted("value.number"),
                    () -> PhoneNumber.parse(number.get(), region));
        }
        return fields.requiredString("value").flatMap(raw -> fields.valueOf("value", INVALID_PHONE.formatted("value"),
                () -> PhoneNumber.parse(raw, PhoneNumber.DEFAULT_REGION)));
    }

    /** A list of distinct uuids; every bad entry is reported under its own index. */
    private static Optional<List<AccountId>> readUuids(JsonFields fields, String field, boolean required) {
        JsonNode node = fields.node(field);
        String attribute = JsonFields.attribute(field);
        if (node == null || (node.isArray() && node.isEmpty())) {
            return required ? fields.reject(field, "The " + attribute + " field is required.") : Optional.of(List.of());
        }
        if (!node.isArray()) {
            return fields.reject(field, "The " + attribute + " field must be an array.");
        }
        List<AccountId> ids = new ArrayList<>();
        boolean valid = true;
        for (int index = 0; index < node.size(); index++) {
            String path = field + "." + index;
            Optional<AccountId> id = uuid(node.get(index)).map(AccountId::new);
            if (id.isEmpty()) {
                valid = false;
                fields.reject(path, "The " + JsonFields.attribute(path) + " field must be a valid UUID.");
            } else if (ids.contains(id.get())) {
                valid = false;
                fields.reject(path, "The " + JsonFields.attribute(path) + " field has a duplicate value.");
            } else {
                ids.add(id.get());
            }
        }
        return valid ? Optional.of(ids) : Optional.empty();
    }

    private static Optional<UUID> uuid(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(node.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
