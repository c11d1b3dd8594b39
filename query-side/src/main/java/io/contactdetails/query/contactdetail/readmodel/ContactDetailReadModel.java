package io.contactdetails.query.contactdetail.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.contactdetails.http.resource.ContactDetailState;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Component
public class ContactDetailReadModel {
    private final MongoCollection<Document> contactDetails;
    private final MongoCollection<Document> byAccount;

    public ContactDetailReadModel(MongoDatabase database) {
        this.contactDetails = database.getCollection(ContactDetailDocuments.COLLECTION);
        this.byAccount = database.getCollection(DetailsByAccountProjection.COLLECTION);
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

    /** A page of the query's details and how many there are in all. */
    public record Page(List<ContactDetailState> details, long total) {
    }

    /**
     * Narrowed by ids or owners, the details are found by {@code _id} lookups (the owners' through
     * {@link DetailsByAccountProjection}) and ordered in memory: a client's details are few, however many its
     * firm has. Unnarrowed, the firm's whole list is read in the query's order.
     */
    public Page page(ContactDetailQuery query) {
        Optional<Set<String>> ids = ids(query);
        if (ids.isEmpty()) {
            String field = query.sort().field().wireName();
            Bson order = query.sort().descending() ? Sorts.descending(field, "_id") : Sorts.ascending(field, "_id");
            Bson filter = filter(query);
            return new Page(contactDetails.find(filter).sort(order)
                    .skip(query.page().offset())
                    .limit(query.page().perPage())
                    .map(ContactDetailDocuments::fromDocument)
                    .into(new ArrayList<>()), contactDetails.countDocuments(filter));
        }
        List<ContactDetailState> matching = findAll(ids.get()).stream()
                .filter(detail -> detail.firmUuid().equals(query.firmUuid()))
                .filter(detail -> query.type().map(detail.type()::equals).orElse(true))
                .sorted(order(query.sort()))
                .toList();
        int from = (int) Math.min(matching.size(), (long) query.page().offset());
        return new Page(matching.subList(from, Math.min(matching.size(), from + query.page().perPage())), matching.size());
    }

    private Optional<Set<String>> ids(ContactDetailQuery query) {
        Optional<Set<String>> owned = query.accountUuids().map(accounts -> {
            Set<String> ids = new LinkedHashSet<>();
            byAccount.find(Filters.in("_id", accounts))
                    .forEach(document -> ids.addAll(document.getList(DetailsByAccountProjection.DETAILS, String.class)));
            return ids;
        });
        Optional<Set<String>> named = query.uuids().map(LinkedHashSet::new);
        if (owned.isPresent() && named.isPresent()) {
            owned.get().retainAll(named.get());
        }
        return owned.or(() -> named);
    }

    private static Comparator<ContactDetailState> order(ContactDetailQuery.Sort sort) {
        Comparator<ContactDetailState> byField = switch (sort.field()) {
            case CREATED_AT -> Comparator.comparing(ContactDetailState::createdAt);
            case UPDATED_AT -> Comparator.comparing(ContactDetailState::updatedAt);
            case NAME -> Comparator.comparing(ContactDetailState::name);
            case VALUE -> Comparator.comparing(ContactDetailState::value);
        };
        Comparator<ContactDetailState> ordered = byField.thenComparing(ContactDetailState::uuid);
        return sort.descending() ? ordered.reversed() : ordered;
    }

    private static Bson filter(ContactDetailQuery query) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(Filters.eq(ContactDetailDocuments.FIRM, query.firmUuid()));
        query.type().ifPresent(type -> conditions.add(Filters.eq("type", type)));
        return Filters.and(conditions);
    }
}
