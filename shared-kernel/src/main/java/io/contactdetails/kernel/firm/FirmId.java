package io.contactdetails.kernel.firm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.contactdetails.kernel.TimeOrderedIds;

import java.util.Objects;
import java.util.UUID;

public record FirmId(@JsonValue UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public FirmId {
        Objects.requireNonNull(value, "firm id");
    }

    /** A new id, ordered by when it was made ({@link TimeOrderedIds}). */
    public static FirmId random() {
        return new FirmId(TimeOrderedIds.next());
    }

    public static FirmId of(String uuid) {
        return new FirmId(UUID.fromString(uuid));
    }

    /** Axon uses toString() as the aggregate identifier in the event store. */
    @Override
    public String toString() {
        return value.toString();
    }
}
