package io.contactdetails.http.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A route for platform operators: it needs the {@code platform:admin} scope and acts as no account. Each side
 * declares its own as beans; the one security chain collects them.
 */
public record OperatorRoute(HttpMethod method, String pattern) {
    public static OperatorRoute anyMethod(String pattern) {
        return new OperatorRoute(null, pattern);
    }

    /** @param paths the security chain's, so that operator routes match as its other routes do */
    RequestMatcher matcher(PathPatternRequestMatcher.Builder paths) {
        return paths.matcher(method, pattern);
    }

    /** Whether a documented route ({@code /api/v2/operations/replay}) is this one, for the API's contract. */
    public boolean covers(HttpMethod routeMethod, String routePath) {
        return (method == null || method.equals(routeMethod))
                && PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(routePath));
    }
}
