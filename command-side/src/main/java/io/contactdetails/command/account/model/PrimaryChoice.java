package io.contactdetails.command.account.model;

/** What becoming an owner of a contact detail does to the account's primary of its type. */
public enum PrimaryChoice {
    /** It becomes the primary, revoking the current one. */
    PRIMARY,
    /** It becomes the primary only if the account has none of the type (the first of its type). */
    PRIMARY_IF_NONE,
    /** It does not become the primary: the request named the primaries, and not this owner. */
    NOT_PRIMARY
}
