package io.contactdetails.query.account.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.contactdetails.http.request.PageRequest;
import io.contactdetails.http.resource.AccountState;
import io.contactdetails.http.resource.AccountWithPrimaries;
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

    public Optional<AccountState> find(String uuid) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", uuid)).first()).map(AccountDocuments::fromDocument);
    }

    /**
     * An account by {@code _id}, with its primaries from the one document ({@link PrimaryCopies}). Not a
     * {@code $lookup} aggregation, one round trip on MongoDB too: the embedded stand-in runs an aggregation over its
     * whole collection first, so every GET read every account (reads timed out on a store of 1M events).
     */
    public Optional<AccountWithPrimaries> findWithPrimaries(String uuid) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", uuid)).first()).map(AccountReadModel::withPrimaries);
    }

    /** Accounts by {@code _id}, each with its primaries from its document, as {@link #findWithPrimaries}. */
    public List<AccountWithPrimaries> findAllWithPrimaries(Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return List.of();
        }
        return accounts.find(Filters.in("_id", uuids)).map(AccountReadModel::withPrimaries).into(new ArrayList<>());
    }

    public List<AccountState> findAll(Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return List.of();
        }
        return accounts.find(Filters.in("_id", uuids)).projection(AccountDocuments.WITHOUT_COPIES)
                .map(AccountDocuments::fromDocument).into(new ArrayList<>());
    }

    /** The copies of its primaries its document holds: all of them, but for a moment after a change. */
    private static AccountWithPrimaries withPrimaries(Document document) {
        return new AccountWithPrimaries(AccountDocuments.fromDocument(document), AccountDocuments.primaries(document));
    }

    public long countInFirm(String firmUuid) {
        return accounts.countDocuments(Filters.eq(AccountDocuments.FIRM, firmUuid));
    }

    public List<AccountWithPrimaries> pageInFirm(String firmUuid, PageRequest page) {
        return accounts.find(Filters.eq(AccountDocuments.FIRM, firmUuid))
                .sort(Sorts.ascending(AccountDocuments.CREATED_AT, "_id"))
                .skip(page.offset())
                .limit(page.perPage())
                .map(AccountReadModel::withPrimaries)
                .into(new ArrayList<>());
    }
}
