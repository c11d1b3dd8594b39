package io.contactdetails.command.infrastructure;

import java.util.List;

/** The metadata keys that say who did what through which request, copied from each command onto its events. */
public final class EventMetaData {
    public static final String SUBJECT = "sub";
    public static final String ACTING_ACCOUNT = "acting_account_uuid";
    public static final String FIRM = "firm_uuid";
    public static final String REQUEST_ID = "request_id";
    public static final List<String> ALL = List.of(SUBJECT, ACTING_ACCOUNT, FIRM, REQUEST_ID);

    private EventMetaData() {
    }
}
