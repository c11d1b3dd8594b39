package io.contactdetails.query.contactdetail.readmodel;

import io.contactdetails.http.request.PageRequest;

import java.util.List;
import java.util.Optional;

/**
 * A page of a firm's contact details: narrowed by ids, by owners (any of them) and by type, ordered by one
 * field (ties broken by id, so pages never overlap).
 */
public record ContactDetailQuery(String firmUuid, Optional<List<String>> uuids, Optional<List<String>> accountUuids,
                                 Optional<String> type, Sort sort, PageRequest page) {
    public enum Field {
        CREATED_AT("created_at"), UPDATED_AT("updated_at"), NAME("name"), VALUE("value");

        private final String wireName;

        Field(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public record Sort(Field field, boolean descending) {
        public static final Sort DEFAULT = new Sort(Field.CREATED_AT, false);
    }
}
