package io.contactdetails.kernel.contactdetail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** PrimaryRevoked of revision 1 (before {@code reason} existed) to revision 2. */
public class PrimaryRevokedUpcaster extends SingleEventUpcaster {
    private static final String TYPE = PrimaryRevoked.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getName().equals(TYPE) && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            ((ObjectNode) payload).put("reason", RevocationReason.NOT_RECORDED.wireName());
            return payload;
        });
    }
}
