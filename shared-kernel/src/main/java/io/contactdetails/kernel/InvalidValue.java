package io.contactdetails.kernel;

/** Thrown by a value object that refuses to be built from the given input; the message is for the caller. */
public class InvalidValue extends IllegalArgumentException {
    public InvalidValue(String message) {
        super(message);
    }
}
