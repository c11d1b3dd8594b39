package io.contactdetails.http;

import io.contactdetails.kernel.EventMetaData;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service's correlation data providers carry from a command onto the events it causes. That they give an
 * event nothing, without reading its metadata, is checked on every provider of a running service (AuditTrailTest,
 * standalone).
 */
class CommandCorrelationTest {
    private final HttpApiAutoConfiguration configuration = new HttpApiAutoConfiguration();
    private final List<CorrelationDataProvider> providers = List.of(configuration.messageOriginProvider(),
            configuration.actorCorrelationDataProvider());

    @Test
    void aCommandsOriginAndWhoSentItGoOntoWhatItCauses() {
        Map<String, Object> sent = Map.of(EventMetaData.SUBJECT, "adviser@example.com",
                EventMetaData.ACTING_ACCOUNT, "an account", EventMetaData.FIRM, "a firm",
                EventMetaData.REQUEST_ID, "req-1", EventMetaData.CLIENT_ADDRESS, "127.0.0.1",
                EventMetaData.USER_AGENT, "curl/8", EventMetaData.TRACE_ID, "the first message",
                "not carried", "x");
        CommandMessage<String> command = new GenericCommandMessage<>("a command").withMetaData(sent);

        Map<String, Object> carried = new HashMap<>();
        providers.forEach(provider -> carried.putAll(provider.correlationDataFor(command)));

        Map<String, Object> expected = new HashMap<>(sent);
        expected.remove("not carried");
        expected.put(EventMetaData.CORRELATION_ID, command.getIdentifier());
        assertThat(carried).isEqualTo(expected);
    }
}
