package io.contactdetails.query.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.contactdetails.query.infrastructure.PageRequest;
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
        this.accounts = database.getCollection(AccountDocument.COLLECTION);
    }

    public Optional<AccountDocument> find(String uuid) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", uuid)).first()).map(AccountDocument::from);
    }

    public List<AccountDocument> findAll(Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return List.of();
        }
        return accounts.find(Filters.in("_id", uuids)).map(AccountDocument::from).into(new ArrayList<>());
    }

    public long countInFirm(String firmUuid) {
        return accounts.countDocuments(Filters.eq(AccountDocument.FIRM, firmUuid));
    }

    public List<AccountDocument> pageInFirm(String firmUuid, PageRequest page) {
        return accounts.find(Filters.eq(AccountDocument.FIRM, firmUuid))
                .sort(Sorts.ascending(AccountDocument.CREATED_AT, "_id"))
                .skip(page.offset())
                .limit(page.perPage())
                .map(AccountDocument::from)
                .into(new ArrayList<>());
    }
}
