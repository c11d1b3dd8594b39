package io.contactdetails.query.operations;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;

/** Where a rebuild of the read models stands: events done of those there were when it began. */
public record ReplayProgress(State state, @JsonProperty("events_done") long eventsDone,
                             @JsonProperty("events_total") long eventsTotal,
                             @JsonProperty("events_per_second") double eventsPerSecond,
                             @Schema(types = {"integer", "null"}) @JsonProperty("seconds_left") Long secondsLeft,
                             @Schema(types = {"string", "null"}, format = "date-time") @JsonProperty("started_at") Instant startedAt,
                             @Schema(types = {"string", "null"}, format = "date-time") @JsonProperty("finished_at") Instant finishedAt,
                             @Schema(types = {"string", "null"}) String error) {

    public enum State {
        @JsonProperty("idle") IDLE,
        @JsonProperty("running") RUNNING,
        @JsonProperty("done") DONE,
        @JsonProperty("failed") FAILED
    }

    static final ReplayProgress IDLE = new ReplayProgress(State.IDLE, 0, 0, 0, null, null, null, null);

    static ReplayProgress running(long done, long total, Instant startedAt, Instant now) {
        double seconds = Math.max(0.001, Duration.between(startedAt, now).toMillis() / 1000.0);
        double rate = done / seconds;
        Long left = rate > 0 ? (long) Math.ceil((total - done) / rate) : null;
        return new ReplayProgress(State.RUNNING, done, total, rate, left, startedAt, null, null);
    }

    ReplayProgress finished(Instant now) {
        double seconds = Math.max(0.001, Duration.between(startedAt, now).toMillis() / 1000.0);
        return new ReplayProgress(State.DONE, eventsTotal, eventsTotal, eventsTotal / seconds, 0L, startedAt, now, null);
    }

    ReplayProgress failed(Throwable cause, Instant now) {
        return new ReplayProgress(State.FAILED, eventsDone, eventsTotal, eventsPerSecond, null, startedAt, now,
                cause.getMessage());
    }

    public boolean isRunning() {
        return state == State.RUNNING;
    }
}
