package io.contactdetails.http.resource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Timestamps as Plannr writes them: ISO-8601 to the second, with the offset of the configured zone. */
public final class ApiTime {
    /** The seed document's timestamp, for the API's documentation. */
    public static final String EXAMPLE = "2025-09-17T15:46:53+01:00";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private ApiTime() {
    }

    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? null : FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }
}
