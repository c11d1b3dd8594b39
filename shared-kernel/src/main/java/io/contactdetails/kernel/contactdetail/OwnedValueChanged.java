package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.account.AccountId;
import org.axonframework.serialization.Revision;

/**
 * A contact detail the account owns now holds another value: recorded on the account too, because the
 * account keeps its values distinct, and so that the account's history reads alone.
 */
@Revision("1")
public record OwnedValueChanged(AccountId accountId, ContactDetailId contactDetailId, ContactType type, String value,
                                PhoneNumberMeta phoneNumberMeta) {
}
