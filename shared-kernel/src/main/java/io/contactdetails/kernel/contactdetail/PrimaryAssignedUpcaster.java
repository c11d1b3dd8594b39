package io.contactdetails.kernel.contactdetail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** PrimaryAssigned without a revision (before {@code reason} existed) to revision 1. */
public class PrimaryAssignedUpcaster extends SingleEventUpcaster {
    private static final String TYPE = PrimaryAssigned.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getName().equals(TYPE) && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "1"), JsonNode.class, payload -> {
            ((ObjectNode) payload).put("reason", PrimaryReason.NOT_RECORDED.wireName());
            return payload;
        });
    }
}
