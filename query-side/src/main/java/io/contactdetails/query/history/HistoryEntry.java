package io.contactdetails.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One line of an audit trail: what happened, when, who did it (as they were named then), through which
 * request, from which address and client program.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryEntry(
        @Schema(requiredMode = REQUIRED, example = "contact_detail_created") String event,
        @Schema(requiredMode = REQUIRED, format = "date-time", example = "2025-09-17T15:46:53+01:00")
        @JsonProperty("occurred_at") String occurredAt,
        @Schema(requiredMode = REQUIRED) Actor actor,
        @Schema(requiredMode = REQUIRED, types = {"string", "null"}) @JsonProperty("request_id") String requestId,
        @Schema(requiredMode = REQUIRED, types = {"string", "null"}) @JsonProperty("client_address") String clientAddress,
        @Schema(requiredMode = REQUIRED, types = {"string", "null"}) @JsonProperty("user_agent") String userAgent,
        @Schema(requiredMode = REQUIRED, description = "Per field: {\"from\": ..., \"to\": ...}; for a list {\"added\": [...], \"removed\": [...]}")
        Map<String, Map<String, Object>> changes) {

    /** {@code uuid} and {@code name} are null when a platform operator acted without an account. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "HistoryActor")
    public record Actor(@Schema(requiredMode = REQUIRED, types = {"string", "null"}, format = "uuid") String uuid,
                        @Schema(requiredMode = REQUIRED, types = {"string", "null"}) String name,
                        @Schema(requiredMode = REQUIRED, types = {"string", "null"}) String sub) {
    }
}
