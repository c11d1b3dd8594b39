package io.contactdetails.http.request;

import io.contactdetails.kernel.EventMetaData;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;

import java.util.Map;

/** Through which request something was done: its id, the client's address and its user agent. */
public record RequestOrigin(String requestId, String clientAddress, String userAgent) {
    private static final int MAX_USER_AGENT = 512;

    /** The same id for every filter and controller of one request: chosen once, then kept on the request. */
    public static RequestOrigin of(HttpServletRequest request) {
        Object known = request.getAttribute(RequestId.ATTRIBUTE);
        String requestId = known instanceof String id ? id : RequestId.from(request.getHeader(RequestId.HEADER));
        request.setAttribute(RequestId.ATTRIBUTE, requestId);
        String userAgent = request.getHeader("User-Agent");
        return new RequestOrigin(requestId, request.getRemoteAddr(),
                userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT)));
    }

    /** Metadata for a request made by a login without an acting account (the platform operator). */
    public MetaData metaData(String subject) {
        return MetaData.from(Map.of(
                EventMetaData.SUBJECT, subject,
                EventMetaData.REQUEST_ID, requestId,
                EventMetaData.CLIENT_ADDRESS, clientAddress,
                EventMetaData.USER_AGENT, userAgent));
    }
}
