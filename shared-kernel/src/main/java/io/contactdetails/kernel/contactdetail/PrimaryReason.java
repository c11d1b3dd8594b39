package io.contactdetails.kernel.contactdetail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** Why a contact detail became an account's primary: what an auditor asks first. */
public enum PrimaryReason {
    /** The request asked for it (is_primary or primary_account_uuids). */
    REQUESTED("requested"),
    /** The account had no primary of the type, so its first one became primary. */
    FIRST_OF_ITS_TYPE("first_of_its_type"),
    /** The account's primary of the type left it, and this was its most recently attached remaining detail. */
    SUCCEEDS_REMOVED_PRIMARY("succeeds_removed_primary"),
    /** Written before revision 1 of PrimaryAssigned, which did not record a reason. */
    NOT_RECORDED("not_recorded");

    private final String wireName;

    PrimaryReason(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static PrimaryReason fromWireName(String name) {
        return Arrays.stream(values()).filter(reason -> reason.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown primary reason " + name));
    }
}
