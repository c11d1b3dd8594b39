package io.contactdetails.query.infrastructure;

/** The employee account a read acts as, and its firm: the tenant every read is confined to. */
public record Actor(String subject, String accountUuid, String firmUuid) {
    public static final String REQUEST_ATTRIBUTE = "io.contactdetails.query.Actor";
}
