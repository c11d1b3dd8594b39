package io.contactdetails.kernel.contactdetail;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A PrimaryAssigned written before revision 1 (no reason) is read as revision 1 with reason not_recorded. */
class PrimaryAssignedUpcasterTest {
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final PrimaryAssignedUpcaster upcaster = new PrimaryAssignedUpcaster();

    private IntermediateEventRepresentation stored(String revision, String json) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Account", UUID.randomUUID().toString(), 2,
                UUID.randomUUID().toString(), "2025-09-17T14:46:53Z", PrimaryAssigned.class.getName(), revision,
                json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)), serializer);
    }

    @Test
    void readsARevisionlessEventAsRevisionOneWithoutAReason() {
        String account = UUID.randomUUID().toString();
        String detail = UUID.randomUUID().toString();
        String old = "{\"accountId\":\"" + account + "\",\"type\":\"email\",\"contactDetailId\":\"" + detail + "\"}";

        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(stored(null, old))).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("1");
        var data = upcast.get(0).getData(String.class);
        PrimaryAssigned event = serializer.deserialize(new SimpleSerializedObject<>(
                data.getData(), String.class, upcast.get(0).getType()));
        assertThat(event).isEqualTo(new PrimaryAssigned(io.contactdetails.kernel.account.AccountId.of(account),
                ContactType.EMAIL, ContactDetailId.of(detail), PrimaryReason.NOT_RECORDED));
    }

    @Test
    void leavesCurrentRevisionsAlone() {
        IntermediateEventRepresentation current = stored("1", "{\"reason\":\"requested\"}");
        assertThat(upcaster.upcast(Stream.of(current)).toList()).containsExactly(current);
    }
}
