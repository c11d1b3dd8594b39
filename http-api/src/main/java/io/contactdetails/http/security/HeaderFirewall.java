package io.contactdetails.http.security;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, its rules for header names and values checked by a loop rather than by its
 * regular expressions: it checks a header every time anything reads it, and a GET reads its token's header several
 * times on its way through the filters, which put the expressions among a read's costs (BENCHMARKS.md, twelfth
 * round). {@code HeaderFirewallTest} holds each loop to Spring Security's own rule on every code point.
 */
public final class HeaderFirewall {
    private HeaderFirewall() {
    }

    public static HttpFirewall strict() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderFirewall::allowedName);
        firewall.setAllowedHeaderValues(HeaderFirewall::allowedValue);
        return firewall;
    }

    /** Assigned characters, none of them a control character. */
    static boolean allowedName(String name) {
        return assignedWithoutControls(name, false);
    }

    /** As a name, but a value may hold a tab (RFC 9110 allows it inside a field value). */
    static boolean allowedValue(String value) {
        return assignedWithoutControls(value, true);
    }

    private static boolean assignedWithoutControls(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabAllowed && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
