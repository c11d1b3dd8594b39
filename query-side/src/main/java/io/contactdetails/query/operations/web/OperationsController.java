package io.contactdetails.query.operations.web;

import io.contactdetails.query.operations.Replay;
import io.contactdetails.query.operations.ReplayProgress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** For platform operators: rebuild every read model from the events, and watch it happen. */
@RestController
@Tag(name = "Operations")
public class OperationsController {
    private final Replay replay;

    public OperationsController(Replay replay) {
        this.replay = replay;
    }

    @PostMapping("/api/v2/operations/replay")
    @Operation(operationId = "startReplay", summary = "Rebuild every read model from the events (platform operator)",
            description = "Readiness is DOWN while it runs; reads answer from read models being rebuilt.")
    @ApiResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation = ReplayProgress.class)))
    @ApiResponse(responseCode = "409", description = "A replay is already running",
            content = @Content(schema = @Schema(implementation = ReplayProgress.class)))
    public ResponseEntity<ReplayProgress> startReplay() {
        boolean started = replay.start();
        return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(replay.progress());
    }

    @GetMapping("/api/v2/operations/replay")
    @Operation(operationId = "replayProgress", summary = "Where the last or current rebuild stands (platform operator)")
    public ReplayProgress replayProgress() {
        return replay.progress();
    }
}
