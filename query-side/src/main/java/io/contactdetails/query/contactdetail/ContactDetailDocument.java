package io.contactdetails.query.contactdetail;

import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/** The contact detail read model: one document per contact detail, keyed by its uuid. */
public record ContactDetailDocument(String uuid, String firmUuid, String type, String name, String value,
                                   PhoneNumberMeta phoneNumberMeta, List<String> accountUuids,
                                   List<String> primaryAccountUuids, Instant createdAt, Instant updatedAt) {
    public static final String COLLECTION = "contact_details";
    static final String FIRM = "firm_uuid";
    static final String TYPE = "type";
    static final String NAME = "name";
    static final String VALUE = "value";
    static final String PHONE_NUMBER_META = "phone_number_meta";
    static final String ACCOUNTS = "account_uuids";
    static final String PRIMARY_ACCOUNTS = "primary_account_uuids";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";

    static ContactDetailDocument from(Document document) {
        Document meta = document.get(PHONE_NUMBER_META, Document.class);
        return new ContactDetailDocument(document.getString("_id"), document.getString(FIRM),
                document.getString(TYPE), document.getString(NAME), document.getString(VALUE),
                meta == null ? null : new PhoneNumberMeta(meta.getString("country"), meta.getString("formatted")),
                document.getList(ACCOUNTS, String.class, List.of()),
                document.getList(PRIMARY_ACCOUNTS, String.class, List.of()),
                document.getDate(CREATED_AT).toInstant(), document.getDate(UPDATED_AT).toInstant());
    }
}
