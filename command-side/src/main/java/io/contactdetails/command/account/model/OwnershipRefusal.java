package io.contactdetails.command.account.model;

/** Why an account may not own a contact detail. */
public enum OwnershipRefusal {
    /** Unknown, of another firm, or not a client: told apart nowhere, so nothing leaks across firms. */
    NOT_A_CLIENT_OF_THE_FIRM,
    SAME_VALUE_ALREADY_OWNED
}
