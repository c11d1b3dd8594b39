package io.contactdetails.query.account.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.contactdetails.http.request.PageRequest;
import io.contactdetails.http.resource.AccountState;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads of the account read model; single accounts are always {@code _id} lookups. */
@Component
public class AccountReadModel {
    private final MongoCollection<Document> accounts;

    public AccountReadModel(MongoDatabase database) {
        this.accounts = database.getCollection(AccountDocuments.COLLECTION);
    }

    /**
     * An account by {@code _id}; the renderer finds its primaries with one {@code $in} on {@code _id}
     * ({@code Resources.taggedAccount} over {@code ReadModelStates}). Not a {@code $lookup} aggregation, one round
     * trip on MongoDB: the embedded stand-in runs an aggregation over its whole collection first, so every GET read
     * every account (reads timed out on a store of 1M events). Not copied into the account's document either: a
     * primary's name changes on the detail's own stream, and a document written from two streams would need both
     * streams' events in one order.
     */
    public Optional<AccountState> find(String uuid) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", uuid)).first()).map(AccountDocuments::fromDocument);
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
