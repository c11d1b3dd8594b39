package io.contactdetails.http.request;

import io.contactdetails.kernel.EventMetaData;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Through which request something was done: its id, the client's address and its user agent. The address is
 * the peer's, or what a proxy the service trusts forwarded (Tomcat's RemoteIpValve decides which proxies).
 */
public record RequestOrigin(String requestId, String clientAddress, String userAgent) {
    private static final int MAX_USER_AGENT = 512;
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    /** Only what can be an IPv6 literal is handed to InetAddress, which would look anything else up in DNS. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** Whether the client address is an IP address: a trusted proxy can still forward anything in X-Forwarded-For. */
    public static boolean hasIpClientAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null) {
            return false;
        }
        if (IPV4.matcher(address).matches()) {
            return true;
        }
        try {
            return IPV6_LITERAL.matcher(address).matches() && InetAddress.getByName(address) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

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
