package io.contactdetails.kernel.firm;

import org.axonframework.serialization.Revision;

@Revision("1")
public record FirmCreated(FirmId firmId, String name) {
}
