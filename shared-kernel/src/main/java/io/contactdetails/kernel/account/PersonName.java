package io.contactdetails.kernel.account;

import io.contactdetails.kernel.Text;

public record PersonName(String firstName, String lastName) {
    public PersonName {
        firstName = Text.required(firstName, "first name");
        lastName = Text.required(lastName, "last name");
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
