package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.Text;

/** The label of a contact detail, such as "Work phone number". */
public record ContactDetailName(String value) {
    public ContactDetailName {
        value = Text.required(value, "name");
    }
}
