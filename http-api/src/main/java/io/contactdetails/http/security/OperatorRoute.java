package io.contactdetails.http.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A route for platform operators: it needs the {@code platform:admin} scope and acts as no account. Each side
 * declares its own as beans; the one security chain collects them.
 */
public record OperatorRoute(HttpMethod method, String pattern) {
    public static OperatorRoute anyMethod(String pattern) {
        return new OperatorRoute(null, pattern);
    }

    RequestMatcher matcher() {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
