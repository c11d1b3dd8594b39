package io.contactdetails.kernel;

/** The rules every free-text field of the API shares. */
public final class Text {
    public static final int MAX_LENGTH = 255;

    private Text() {
    }

    /**
     * Trims, and refuses blank or over-long text, and text holding characters that change how what surrounds
     * them is shown (see {@link #hidesOrReorders}); {@code what} names the field in the message.
     */
    public static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("The " + what + " field is required.");
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw new InvalidValue("The " + what + " field must not be greater than " + MAX_LENGTH + " characters.");
        }
        if (trimmed.codePoints().anyMatch(Text::hidesOrReorders)) {
            throw new InvalidValue("The " + what
                    + " field must not contain control characters, bidirectional overrides or unpaired surrogates.");
        }
        return trimmed;
    }

    /**
     * Control characters (NUL, line breaks, C1) cut or split a name in logs, exports and terminals; the bidi
     * embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069) make a name display as something it
     * is not; a surrogate seen as a code point of its own has lost its pair and is not text in any encoding.
     */
    private static boolean hidesOrReorders(int codePoint) {
        return Character.isISOControl(codePoint)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || Character.getType(codePoint) == Character.SURROGATE;
    }
}
