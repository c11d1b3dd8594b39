package io.contactdetails.query.account.readmodel;

import io.contactdetails.http.resource.AccountState;
import org.bson.Document;

import java.util.Date;

/** The account read model: one document per account, keyed by its uuid, holding its {@link AccountState}. */
public final class AccountDocuments {
    public static final String COLLECTION = "accounts";
    static final String FIRM = "firm_uuid";
    static final String CREATED_AT = "created_at";
    static final String PRIMARY_EMAIL = "primary_email";
    static final String PRIMARY_PHONE_NUMBER = "primary_phone_number";

    private AccountDocuments() {
    }

    static Document toDocument(AccountState state) {
        return new Document("_id", state.uuid())
                .append(FIRM, state.firmUuid())
                .append("type", state.type())
                .append("first_name", state.firstName())
                .append("last_name", state.lastName())
                .append(PRIMARY_EMAIL, state.primaryEmailUuid())
                .append(PRIMARY_PHONE_NUMBER, state.primaryPhoneNumberUuid())
                .append(CREATED_AT, Date.from(state.createdAt()))
                .append("updated_at", Date.from(state.updatedAt()))
                .append("version", state.version());
    }

    static AccountState fromDocument(Document document) {
        return new AccountState(document.getString("_id"), document.getString(FIRM), document.getString("type"),
                document.getString("first_name"), document.getString("last_name"),
                document.getString(PRIMARY_EMAIL), document.getString(PRIMARY_PHONE_NUMBER),
                document.getDate(CREATED_AT).toInstant(), document.getDate("updated_at").toInstant(),
                document.get("version", Number.class).longValue());
    }
}
