package io.contactdetails.http.request;

import io.contactdetails.kernel.TimeOrderedIds;

import java.util.regex.Pattern;

/**
 * The id a request is filed under: the client's X-Request-Id when it is sane, else a new one, minted by
 * {@link TimeOrderedIds} (which says why there and not by {@code UUID.randomUUID}).
 */
public final class RequestId {
    public static final String HEADER = "X-Request-Id";
    /** Where the chosen id is kept on the servlet request, so every filter of one request agrees on it. */
    public static final String ATTRIBUTE = "io.contactdetails.RequestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestId() {
    }

    public static String from(String header) {
        return header != null && SANE.matcher(header).matches() ? header : TimeOrderedIds.next().toString();
    }
}
