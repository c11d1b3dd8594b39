package io.contactdetails.kernel.firm;

import io.contactdetails.kernel.Text;

public record FirmName(String value) {
    public FirmName {
        value = Text.required(value, "name");
    }
}
