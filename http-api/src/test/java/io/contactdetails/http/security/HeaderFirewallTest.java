package io.contactdetails.http.security;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderFirewallTest {
    /** What Spring Security's StrictHttpFirewall allows in a header's name and value by default. */
    private static final Pattern SPRING_SECURITYS_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void aHeaderIsAllowedExactlyWhenSpringSecuritysExpressionAllowsItForEveryCodePoint() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + new String(Character.toChars(codePoint)) + "b";
            assertThat(HeaderFirewall.assignedWithoutControls(text)).as("U+%04X", codePoint)
                    .isEqualTo(SPRING_SECURITYS_RULE.matcher(text).matches());
        }
    }

    @Test
    void aHeaderIsAllowedExactlyWhenSpringSecuritysExpressionAllowsItForTheseValues() {
        for (String text : new String[]{"", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "caf\u00e9", "\u20ac", "\u00e2\u0082\u00ac",
                "tab\there", "new\nline", "\u007f", "\ud83d\ude00", "\ud83d", "\ude00x", "x\ud83d\ude00\u0000"}) {
            assertThat(HeaderFirewall.assignedWithoutControls(text)).as(text)
                    .isEqualTo(SPRING_SECURITYS_RULE.matcher(text).matches());
        }
    }
}
