package io.contactdetails.kernel.contactdetail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.contactdetails.kernel.InvalidValue;

import java.util.Arrays;

public enum ContactType {
    EMAIL("email"), PHONE_NUMBER("phone_number");

    private final String wireName;

    ContactType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ContactType fromWireName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidValue("The selected type is invalid."));
    }
}
