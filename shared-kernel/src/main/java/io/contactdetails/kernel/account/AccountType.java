package io.contactdetails.kernel.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.contactdetails.kernel.InvalidValue;

import java.util.Arrays;

public enum AccountType {
    CLIENT("client"), EMPLOYEE("employee"), EXTERNAL("external");

    private final String wireName;

    AccountType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static AccountType fromWireName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidValue("The selected type is invalid."));
    }

    /** Only clients own contact details; only employees act. */
    public boolean ownsContactDetails() {
        return this == CLIENT;
    }

    public boolean canAct() {
        return this == EMPLOYEE;
    }
}
