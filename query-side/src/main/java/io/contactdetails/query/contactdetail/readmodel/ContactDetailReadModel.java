package io.contactdetails.query.contactdetail.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.contactdetails.http.resource.ContactDetailState;
import org.bson.Document;
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
}
