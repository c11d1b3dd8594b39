package io.contactdetails.query.account.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.contactdetails.http.request.PageRequest;
import io.contactdetails.http.resource.AccountState;
import io.contactdetails.http.resource.ContactDetailState;
import io.contactdetails.query.contactdetail.readmodel.ContactDetailDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the account read model; single accounts are always {@code _id} lookups. */
@Component
public class AccountReadModel {
    private static final String PRIMARY_EMAIL_STATE = "primary_email_state";
    private static final String PRIMARY_PHONE_NUMBER_STATE = "primary_phone_number_state";
    private final MongoCollection<Document> accounts;

    public AccountReadModel(MongoDatabase database) {
        this.accounts = database.getCollection(AccountDocuments.COLLECTION);
    }

    public Optional<AccountState> find(String uuid) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", uuid)).first()).map(AccountDocuments::fromDocument);
    }

    /**
     * An account and the states of its primaries in one round trip: the primaries are joined by {@code _id}
     * ({@code $lookup}) rather than copied into the account's document, because a primary's name changes on the
     * detail's own stream, and a document written from two streams would need both streams' events in one order.
     */
    public Optional<AccountWithPrimaries> findWithPrimaries(String uuid) {
        Document found = accounts.aggregate(List.of(
                Aggregates.match(Filters.eq("_id", uuid)),
                Aggregates.lookup(ContactDetailDocuments.COLLECTION, AccountDocuments.PRIMARY_EMAIL, "_id", PRIMARY_EMAIL_STATE),
                Aggregates.lookup(ContactDetailDocuments.COLLECTION, AccountDocuments.PRIMARY_PHONE_NUMBER, "_id",
                        PRIMARY_PHONE_NUMBER_STATE))).first();
        if (found == null) {
            return Optional.empty();
        }
        Map<String, ContactDetailState> primaries = new HashMap<>();
        for (String joined : List.of(PRIMARY_EMAIL_STATE, PRIMARY_PHONE_NUMBER_STATE)) {
            found.getList(joined, Document.class, List.of()).stream().map(ContactDetailDocuments::fromDocument)
                    .forEach(primary -> primaries.put(primary.uuid(), primary));
        }
        return Optional.of(new AccountWithPrimaries(AccountDocuments.fromDocument(found), primaries));
    }

    /** An account with the states of those of its primaries that are in the read model, by uuid. */
    public record AccountWithPrimaries(AccountState account, Map<String, ContactDetailState> primaries) {
    }

    public List<AccountState> findAll(Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return List.of();
        }
        return accounts.find(Filters.in("_id", uuids)).map(AccountDocuments::fromDocument).into(new ArrayList<>());
    }

    public long countInFirm(String firmUuid) {
        return accounts.countDocuments(Filters.eq(AccountDocuments.FIRM, firmUuid));
    }

    public List<AccountState> pageInFirm(String firmUuid, PageRequest page) {
        return accounts.find(Filters.eq(AccountDocuments.FIRM, firmUuid))
                .sort(Sorts.ascending(AccountDocuments.CREATED_AT, "_id"))
                .skip(page.offset())
                .limit(page.perPage())
                .map(AccountDocuments::fromDocument)
                .into(new ArrayList<>());
    }
}
