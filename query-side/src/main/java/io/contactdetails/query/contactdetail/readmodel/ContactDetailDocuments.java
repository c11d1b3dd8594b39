package io.contactdetails.query.contactdetail.readmodel;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import org.bson.Document;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

/** The contact detail read model: one document per contact detail, keyed by its uuid, holding its state. */
public final class ContactDetailDocuments {
    public static final String COLLECTION = "contact_details";
    static final String FIRM = "firm_uuid";
    static final String ACCOUNTS = "account_uuids";

    private ContactDetailDocuments() {
    }

    /**
     * The indexes an unnarrowed page needs on MongoDB: one per order within a firm. The embedded stand-in
     * accepts them and still scans (it uses only unique indexes); narrowed pages need none.
     */
    static List<IndexModel> indexes() {
        return Arrays.stream(ContactDetailQuery.Field.values())
                .map(field -> new IndexModel(Indexes.ascending(FIRM, field.wireName(), "_id")))
                .toList();
    }

    public static Document toDocument(ContactDetailState state) {
        PhoneNumberMeta meta = state.phoneNumberMeta();
        return new Document("_id", state.uuid())
                .append(FIRM, state.firmUuid())
                .append("type", state.type())
                .append("name", state.name())
                .append("value", state.value())
                .append("phone_number_meta", meta == null ? null
                        : new Document("country", meta.country()).append("formatted", meta.formatted()))
                .append(ACCOUNTS, state.accountUuids())
                .append("created_at", Date.from(state.createdAt()))
                .append("updated_at", Date.from(state.updatedAt()))
                .append("version", state.version());
    }

    public static ContactDetailState fromDocument(Document document) {
        Document meta = document.get("phone_number_meta", Document.class);
        return new ContactDetailState(document.getString("_id"), document.getString(FIRM),
                document.getString("type"), document.getString("name"), document.getString("value"),
                meta == null ? null : new PhoneNumberMeta(meta.getString("country"), meta.getString("formatted")),
                document.getList(ACCOUNTS, String.class, List.of()),
                document.getDate("created_at").toInstant(), document.getDate("updated_at").toInstant(),
                document.get("version", Number.class).longValue());
    }
}
