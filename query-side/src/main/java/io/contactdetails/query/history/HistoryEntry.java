package io.contactdetails.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * One line of an audit trail: what happened, when, who did it (as they were named then), through which
 * request, from which address and client program.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryEntry(String event, @JsonProperty("occurred_at") String occurredAt, Actor actor,
                           @JsonProperty("request_id") String requestId,
                           @JsonProperty("client_address") String clientAddress,
                           @JsonProperty("user_agent") String userAgent,
                           Map<String, Map<String, Object>> changes) {

    /** {@code uuid} and {@code name} are null when a platform operator acted without an account. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Actor(String uuid, String name, String sub) {
    }
}
