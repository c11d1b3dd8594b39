package io.contactdetails.query.operations.web;

import io.contactdetails.query.operations.Replay;
import io.contactdetails.query.operations.ReplayProgress;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** For platform operators: rebuild every read model from the events, and watch it happen. */
@RestController
public class OperationsController {
    private final Replay replay;

    public OperationsController(Replay replay) {
        this.replay = replay;
    }

    @PostMapping("/api/v2/operations/replay")
    public ResponseEntity<ReplayProgress> startReplay() {
        boolean started = replay.start();
        return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(replay.progress());
    }

    @GetMapping("/api/v2/operations/replay")
    public ReplayProgress replayProgress() {
        return replay.progress();
    }
}
