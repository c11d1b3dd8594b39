package io.contactdetails.kernel.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.contactdetails.kernel.TimeOrderedIds;

import java.util.Objects;
import java.util.UUID;

public record AccountId(@JsonValue UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AccountId {
        Objects.requireNonNull(value, "account id");
    }

    /** A new id, ordered by when it was made ({@link TimeOrderedIds}). */
    public static AccountId random() {
        return new AccountId(TimeOrderedIds.next());
    }

    public static AccountId of(String uuid) {
        return new AccountId(UUID.fromString(uuid));
    }

    /** Axon uses toString() as the aggregate identifier in the event store. */
    @Override
    public String toString() {
        return value.toString();
    }
}
