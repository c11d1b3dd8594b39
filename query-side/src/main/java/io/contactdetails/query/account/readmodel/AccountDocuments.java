package io.contactdetails.query.account.readmodel;

import io.contactdetails.http.resource.AccountState;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailDocuments;
import org.bson.Document;
import org.bson.conversions.Bson;
import com.mongodb.client.model.Projections;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * The account read model: one document per account, keyed by its uuid, holding its {@link AccountState} and a copy
 * of each of its primaries ({@link PrimaryCopies}).
 */
public final class AccountDocuments {
    public static final String COLLECTION = "accounts";
    static final String FIRM = "firm_uuid";
    static final String CREATED_AT = "created_at";
    static final String PRIMARY_EMAIL = "primary_email";
    static final String PRIMARY_PHONE_NUMBER = "primary_phone_number";
    static final List<String> CONTACT_TYPES = Arrays.stream(ContactType.values()).map(ContactType::wireName).toList();
    /** For reads of accounts without their primaries: those whose copies {@code PrimaryCopies} is writing. */
    static final Bson WITHOUT_COPIES = Projections.exclude(CONTACT_TYPES.stream().map(AccountDocuments::copiesOfPrimary).toList());

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

    /** The field naming the account's primary of a contact type. */
    static String primary(String contactType) {
        return ContactType.EMAIL.wireName().equals(contactType) ? PRIMARY_EMAIL : PRIMARY_PHONE_NUMBER;
    }

    /** The field holding the copies of the account's primary of a contact type, by the detail's uuid. */
    static String copiesOfPrimary(String contactType) {
        return primary(contactType) + "_copies";
    }

    static String copyOfPrimary(String contactType, String contactDetailUuid) {
        return copiesOfPrimary(contactType) + "." + contactDetailUuid;
    }

    /** A copy of a detail: its version first, so that of two copies the newer is the greater ({@code $max}). */
    static Document copy(ContactDetailState detail) {
        return new Document("version", detail.version()).append("detail", ContactDetailDocuments.toDocument(detail));
    }

    /** The copies the document holds of the primaries it names. */
    static List<ContactDetailState> primaries(Document document) {
        return CONTACT_TYPES.stream().map(type -> {
            Document copies = document.get(copiesOfPrimary(type), Document.class);
            String primary = document.getString(primary(type));
            Document copy = copies == null || primary == null ? null : copies.get(primary, Document.class);
            return copy == null ? null : ContactDetailDocuments.fromDocument(copy.get("detail", Document.class));
        }).filter(Objects::nonNull).toList();
    }

    /**
     * The document as a GET reads it: the copies of the primaries it names, not those it keeps of others (a copy
     * written as the account moved its primary on, unread until its next change of primaries drops it).
     */
    public static Document asRead(Document document) {
        Document read = new Document(document);
        CONTACT_TYPES.forEach(type -> read.remove(copiesOfPrimary(type)));
        read.append("primaries", primaries(document).stream().map(ContactDetailDocuments::toDocument).toList());
        return read;
    }

    static AccountState fromDocument(Document document) {
        return new AccountState(document.getString("_id"), document.getString(FIRM), document.getString("type"),
                document.getString("first_name"), document.getString("last_name"),
                document.getString(PRIMARY_EMAIL), document.getString(PRIMARY_PHONE_NUMBER),
                document.getDate(CREATED_AT).toInstant(), document.getDate("updated_at").toInstant(),
                document.get("version", Number.class).longValue());
    }
}
