package io.contactdetails.query.contactdetail.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.contactdetails.http.resource.ContactDetailState;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Component
public class ContactDetailReadModel {
    private final MongoCollection<Document> contactDetails;

    public ContactDetailReadModel(MongoDatabase database) {
        this.contactDetails = database.getCollection(ContactDetailDocuments.COLLECTION);
        createIndexes();
    }

    /**
     * The indexes a page needs on MongoDB: one per order within a firm, and the owners for their filter. The
     * embedded stand-in accepts them and still scans (it uses only unique indexes).
     */
    private void createIndexes() {
        for (ContactDetailQuery.Field field : ContactDetailQuery.Field.values()) {
            contactDetails.createIndex(Indexes.ascending(ContactDetailDocuments.FIRM, field.wireName(), "_id"));
        }
        contactDetails.createIndex(Indexes.ascending(ContactDetailDocuments.ACCOUNTS));
    }

    public Optional<ContactDetailState> find(String uuid) {
        return Optional.ofNullable(contactDetails.find(Filters.eq("_id", uuid)).first())
                .map(ContactDetailDocuments::fromDocument);
    }

    public List<ContactDetailState> findAll(Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return List.of();
        }
        return contactDetails.find(Filters.in("_id", uuids)).map(ContactDetailDocuments::fromDocument)
                .into(new ArrayList<>());
    }

    public long count(ContactDetailQuery query) {
        return contactDetails.countDocuments(filter(query));
    }

    public List<ContactDetailState> page(ContactDetailQuery query) {
        String field = query.sort().field().wireName();
        Bson order = query.sort().descending() ? Sorts.descending(field, "_id") : Sorts.ascending(field, "_id");
        return contactDetails.find(filter(query)).sort(order)
                .skip(query.page().offset())
                .limit(query.page().perPage())
                .map(ContactDetailDocuments::fromDocument)
                .into(new ArrayList<>());
    }

    private static Bson filter(ContactDetailQuery query) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(Filters.eq(ContactDetailDocuments.FIRM, query.firmUuid()));
        query.uuids().ifPresent(uuids -> conditions.add(Filters.in("_id", uuids)));
        query.accountUuids().ifPresent(accounts -> conditions.add(Filters.in(ContactDetailDocuments.ACCOUNTS, accounts)));
        query.type().ifPresent(type -> conditions.add(Filters.eq("type", type)));
        return Filters.and(conditions);
    }
}
