package io.contactdetails.command;

/**
 * A decision of the model that refuses a command. The web layer maps each kind to the API's error shape in
 * one place ({@code DomainRejections}); the model itself knows nothing of HTTP.
 */
public abstract class DomainRejection extends RuntimeException {
    protected DomainRejection(String message) {
        super(message, null, false, false);
    }
}
