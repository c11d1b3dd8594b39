package io.contactdetails.command.contactdetail.web;

import io.contactdetails.http.error.FieldErrors;
import io.contactdetails.http.request.JsonFields;
import io.contactdetails.kernel.contactdetail.ContactDetailOwners;

import java.util.List;

/** The owner rules' refusals in the API's words, under the field and index they came from. */
public final class OwnerErrors {
    private OwnerErrors() {
    }

    public static FieldErrors report(FieldErrors errors, List<ContactDetailOwners.Violation> violations) {
        for (ContactDetailOwners.Violation violation : violations) {
            switch (violation.rule()) {
                case AT_LEAST_ONE_OWNER -> errors.add("account_uuids", "The account uuids field is required.");
                case AT_MOST_MAX_OWNERS -> errors.add("account_uuids",
                        "The account uuids field must not have more than " + ContactDetailOwners.MAX_OWNERS + " items.");
                case DISTINCT_OWNERS -> duplicate(errors, "account_uuids." + violation.index());
                case DISTINCT_PRIMARIES -> duplicate(errors, "primary_account_uuids." + violation.index());
                case PRIMARY_IS_AN_OWNER -> {
                    String path = "primary_account_uuids." + violation.index();
                    errors.add(path, "The selected " + JsonFields.attribute(path) + " is invalid.");
                }
            }
        }
        return errors;
    }

    private static void duplicate(FieldErrors errors, String path) {
        errors.add(path, "The " + JsonFields.attribute(path) + " field has a duplicate value.");
    }
}
