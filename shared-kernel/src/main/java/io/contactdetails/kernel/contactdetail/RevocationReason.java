package io.contactdetails.kernel.contactdetail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** Why a contact detail stopped being an account's primary. */
public enum RevocationReason {
    /** Another detail of the type became the primary. */
    REPLACED("replaced"),
    /** The request said the account should not have it as primary (a PUT leaving it out of the primaries). */
    REVOKED_ON_REQUEST("revoked_on_request"),
    /** It left the account: detached, or deleted. */
    DETACHED("detached"),
    /** Written before revision 2 of PrimaryRevoked, which did not record a reason. */
    NOT_RECORDED("not_recorded");

    private final String wireName;

    RevocationReason(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static RevocationReason fromWireName(String name) {
        return Arrays.stream(values()).filter(reason -> reason.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown revocation reason " + name));
    }
}
