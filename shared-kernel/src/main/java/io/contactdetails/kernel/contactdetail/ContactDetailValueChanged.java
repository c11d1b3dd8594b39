package io.contactdetails.kernel.contactdetail;

import org.axonframework.serialization.Revision;

/** The contact detail now holds another address or number of the same type (normalised, E.164 for phones). */
@Revision("1")
public record ContactDetailValueChanged(ContactDetailId contactDetailId, ContactType type, String value,
                                        PhoneNumberMeta phoneNumberMeta) {
}
