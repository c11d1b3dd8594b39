package io.contactdetails.query.account;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/** The account read model: one document per account, keyed by its uuid. */
public record AccountDocument(String uuid, String firmUuid, String type, String firstName, String lastName,
                              String primaryEmailUuid, String primaryPhoneNumberUuid,
                              Instant createdAt, Instant updatedAt) {
    public static final String COLLECTION = "accounts";
    static final String FIRM = "firm_uuid";
    static final String TYPE = "type";
    static final String FIRST_NAME = "first_name";
    static final String LAST_NAME = "last_name";
    static final String PRIMARY_PREFIX = "primary_";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";

    /** The field holding the account's primary of a contact type, e.g. {@code primary_email}. */
    static String primaryField(String contactType) {
        return PRIMARY_PREFIX + contactType;
    }

    static AccountDocument from(Document document) {
        return new AccountDocument(document.getString("_id"), document.getString(FIRM), document.getString(TYPE),
                document.getString(FIRST_NAME), document.getString(LAST_NAME),
                document.getString(primaryField("email")), document.getString(primaryField("phone_number")),
                instant(document.getDate(CREATED_AT)), instant(document.getDate(UPDATED_AT)));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
