package io.contactdetails.kernel;

import java.util.List;

/**
 * The metadata keys that say who did what, when and through which request. The write side puts them on
 * each command and Axon copies them onto every event it causes, beside its own correlation and trace ids
 * (the correlation data providers of http-api's auto-configuration); the read side reads them back for the
 * audit trail.
 */
public final class EventMetaData {
    /** Who logged in: the token's {@code sub}. */
    public static final String SUBJECT = "sub";
    public static final String ACTING_ACCOUNT = "acting_account_uuid";
    public static final String FIRM = "firm_uuid";
    public static final String REQUEST_ID = "request_id";
    public static final String CLIENT_ADDRESS = "client_address";
    public static final String USER_AGENT = "user_agent";
    /** Axon's MessageOriginProvider: the id of the message that caused this one, and of the first in the chain. */
    public static final String CORRELATION_ID = "correlationId";
    public static final String TRACE_ID = "traceId";

    public static final List<String> FROM_REQUEST = List.of(SUBJECT, ACTING_ACCOUNT, FIRM, REQUEST_ID, CLIENT_ADDRESS, USER_AGENT);

    private EventMetaData() {
    }
}
