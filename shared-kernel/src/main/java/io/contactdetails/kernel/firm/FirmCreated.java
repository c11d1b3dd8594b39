package io.contactdetails.kernel.firm;

public record FirmCreated(FirmId firmId, String name) {
}
