package io.contactdetails.kernel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Free text is shown to people: nothing in it may hide, reorder or break what is around it. */
class TextTest {
    @Test
    void isTrimmedAndKeepsEveryLanguage() {
        assertThat(Text.required("  Zoë Ångström-李 😀 ", "name")).isEqualTo("Zoë Ångström-李 😀");
        assertThat(Text.required("עברית", "name")).isEqualTo("עברית");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A\u0000B", "A\u0007B", "Line\nbreak", "Tab\tbed", "A\u007FB", "A\u0085B",
            "\u202Eevil", "a\u202Ab", "a\u202Bb", "a\u202Cb", "a\u202Db", "a\u2066b", "a\u2067b", "a\u2068b", "a\u2069b",
            "lone \uD800 high", "lone \uDC00 low", "ends high \uD83D"})
    void refusesControlCharactersBidiOverridesAndLoneSurrogates(String text) {
        assertThatThrownBy(() -> Text.required(text, "name"))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("The name field must not contain control characters, bidirectional overrides or unpaired surrogates.");
    }
}
