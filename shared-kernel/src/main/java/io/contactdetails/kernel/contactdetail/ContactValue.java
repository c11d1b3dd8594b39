package io.contactdetails.kernel.contactdetail;

/** A normalised contact value: what two contact details compare by. */
public sealed interface ContactValue permits EmailAddress, PhoneNumber {
    ContactType type();

    /** The stored form: the address as normalised, or E.164. */
    String value();

    /** Null for emails. */
    PhoneNumberMeta phoneNumberMeta();

    /** A value as an event recorded it: already normalised and validated when it was first accepted. */
    static ContactValue stored(ContactType type, String value, PhoneNumberMeta phoneNumberMeta) {
        return type == ContactType.EMAIL ? new EmailAddress(value) : new PhoneNumber(value, phoneNumberMeta);
    }
}
