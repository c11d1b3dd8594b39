package io.contactdetails.kernel;

/** The rules every free-text field of the API shares. */
public final class Text {
    public static final int MAX_LENGTH = 255;

    private Text() {
    }

    /** Trims, and refuses blank or over-long text; {@code what} names the field in the message. */
    public static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("The " + what + " field is required.");
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw new InvalidValue("The " + what + " field must not be greater than " + MAX_LENGTH + " characters.");
        }
        return trimmed;
    }
}
