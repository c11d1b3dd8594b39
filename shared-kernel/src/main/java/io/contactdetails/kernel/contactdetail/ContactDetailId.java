package io.contactdetails.kernel.contactdetail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.contactdetails.kernel.TimeOrderedIds;

import java.util.Objects;
import java.util.UUID;

public record ContactDetailId(@JsonValue UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ContactDetailId {
        Objects.requireNonNull(value, "contactdetail id");
    }

    /** A new id, ordered by when it was made ({@link TimeOrderedIds}). */
    public static ContactDetailId random() {
        return new ContactDetailId(TimeOrderedIds.next());
    }

    public static ContactDetailId of(String uuid) {
        return new ContactDetailId(UUID.fromString(uuid));
    }

    /** Axon uses toString() as the aggregate identifier in the event store. */
    @Override
    public String toString() {
        return value.toString();
    }
}
