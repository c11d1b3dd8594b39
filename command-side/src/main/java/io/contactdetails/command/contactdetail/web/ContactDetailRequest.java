package io.contactdetails.command.contactdetail.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.http.request.JsonFields;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.contactdetail.ContactDetailName;
import io.contactdetails.kernel.contactdetail.ContactDetailOwners;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.ContactValue;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import io.contactdetails.kernel.contactdetail.EmailAddress;
import io.contactdetails.kernel.contactdetail.PhoneNumber;
import io.contactdetails.kernel.firm.FirmId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The body of POST /api/v2/contact-details read into a {@link CreateContactDetail}, or every reason it is not
 * one, by field path. It reads the wire format only: the rules are the value objects' own, and their
 * refusals are filed here under the field they came from.
 */
final class ContactDetailRequest {
    private static final String INVALID_PHONE = "The %s field must be a valid phone number.";

    private ContactDetailRequest() {
    }

    static CreateContactDetail create(JsonNode body, FirmId firmId) {
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
        Optional<List<AccountId>> primaries = readUuids(fields, "primary_account_uuids", false);
        if (owners.isPresent() && primaries.isPresent()) {
            ContactDetailOwners.check(owners.get(), primaries.get()).forEach(violation -> report(fields, violation));
        }
        fields.throwIfInvalid();
        ContactDetailOwners ownership = primaryForAll
                ? ContactDetailOwners.allPrimary(owners.orElseThrow())
                : ContactDetailOwners.of(owners.orElseThrow(), primaries.orElseThrow());
        return new CreateContactDetail(ContactDetailId.random(), firmId, name.orElseThrow(), value.orElseThrow(),
                ownership);
    }

    private static void report(JsonFields fields, ContactDetailOwners.Violation violation) {
        switch (violation.rule()) {
            case AT_LEAST_ONE_OWNER -> fields.reject("account_uuids", "The account uuids field is required.");
            case AT_MOST_MAX_OWNERS -> fields.reject("account_uuids",
                    "The account uuids field must not have more than " + ContactDetailOwners.MAX_OWNERS + " items.");
            case DISTINCT_OWNERS -> duplicate(fields, "account_uuids." + violation.index());
            case DISTINCT_PRIMARIES -> duplicate(fields, "primary_account_uuids." + violation.index());
            case PRIMARY_IS_AN_OWNER -> {
                String path = "primary_account_uuids." + violation.index();
                fields.reject(path, "The selected " + JsonFields.attribute(path) + " is invalid.");
            }
        }
    }

    private static void duplicate(JsonFields fields, String path) {
        fields.reject(path, "The " + JsonFields.attribute(path) + " field has a duplicate value.");
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

    /** A list of uuids, every entry that is not one reported under its own index and left null in its place. */
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
        for (int index = 0; index < node.size(); index++) {
            String path = field + "." + index;
            Optional<AccountId> id = uuid(node.get(index)).map(AccountId::new);
            if (id.isEmpty()) {
                fields.reject(path, "The " + JsonFields.attribute(path) + " field must be a valid UUID.");
            }
            ids.add(id.orElse(null));
        }
        return Optional.of(ids);
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
