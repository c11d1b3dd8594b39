package io.contactdetails.http.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderFirewallTest {
    @Test
    void aHeaderNameIsAllowedExactlyWhenSpringSecuritysRuleAllowsIt() {
        assertAgree(HeaderFirewall::allowedName, StrictHttpFirewall.ALLOWED_HEADER_NAMES);
    }

    @Test
    void aHeaderValueIsAllowedExactlyWhenSpringSecuritysRuleAllowsIt() {
        assertAgree(HeaderFirewall::allowedValue, StrictHttpFirewall.ALLOWED_HEADER_VALUES);
    }

    /** On every code point between two letters, on surrogates alone and in pairs, and on the empty text. */
    private static void assertAgree(Predicate<String> loop, Predicate<String> springSecuritys) {
        List<String> texts = new ArrayList<>(List.of("", "\ud83d", "\ude00x", "x\ud83d\ude00", "\ud83d\ude00\u0000",
                "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "curl/8\t(x)", "\u00e2\u0082\u00ac"));
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            texts.add("a" + new String(Character.toChars(codePoint)) + "b");
        }
        List<String> disagreements = new ArrayList<>();
        for (String text : texts) {
            if (loop.test(text) != springSecuritys.test(text)) {
                disagreements.add(text.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString());
            }
        }
        assertThat(disagreements).isEmpty();
    }
}
