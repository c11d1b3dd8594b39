package io.contactdetails.standalone;

import io.contactdetails.query.operations.ReplayProgress;
import io.contactdetails.query.operations.Replay;

import java.io.PrintStream;
import java.time.Duration;

/** Shows a replay's progress: a bar redrawn in place on a terminal, a line every few seconds in a log. */
final class ProgressBar implements Replay.ProgressListener {
    private static final int WIDTH = 30;
    private static final long LOG_EVERY_MILLIS = 5_000;

    private final PrintStream out;
    private final boolean terminal;
    private long lastLine;

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onProgress(ReplayProgress progress) {
        if (terminal) {
            out.print("\r" + render(progress));
            out.flush();
            return;
        }
        long now = System.currentTimeMillis();
        if (now - lastLine >= LOG_EVERY_MILLIS || !progress.isRunning()) {
            lastLine = now;
            out.println(render(progress));
        }
    }

    void finish() {
        if (terminal) {
            out.println();
        }
    }

    static String render(ReplayProgress progress) {
        long total = Math.max(1, progress.eventsTotal());
        int filled = (int) Math.min(WIDTH, progress.eventsDone() * WIDTH / total);
        String left = progress.secondsLeft() == null ? "--:--" : format(Duration.ofSeconds(progress.secondsLeft()));
        return String.format("[%s%s] %,d/%,d events  %,.0f events/s  %s left",
                "#".repeat(filled), ".".repeat(WIDTH - filled), progress.eventsDone(), progress.eventsTotal(),
                progress.eventsPerSecond(), left);
    }

    private static String format(Duration duration) {
        return String.format("%02d:%02d", duration.toMinutes(), duration.toSecondsPart());
    }
}
