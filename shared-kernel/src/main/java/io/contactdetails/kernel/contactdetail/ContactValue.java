package io.contactdetails.kernel.contactdetail;

/** A normalised contact value: what two contact details compare by. */
public sealed interface ContactValue permits EmailAddress, PhoneNumber {
    ContactType type();

    /** The stored form: the address as normalised, or E.164. */
    String value();

    /** Null for emails. */
    PhoneNumberMeta phoneNumberMeta();
}
