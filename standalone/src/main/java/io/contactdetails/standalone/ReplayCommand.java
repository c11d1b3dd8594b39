package io.contactdetails.standalone;

import io.contactdetails.query.operations.ReadModelVerifier;
import io.contactdetails.query.operations.Replay;
import io.contactdetails.query.operations.ReplayProgress;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code replay [--verify] [--data-dir <dir>]}: rebuilds every read model from the events, or with
 * {@code --verify} rebuilds them aside and reports every document that differs from the live ones (exit 1).
 * It opens the data directory itself, so the service must not be running on it; a running service offers
 * POST /api/v2/operations/replay instead.
 */
final class ReplayCommand {
    static final String USAGE = "usage: java -jar contact-details.jar replay [--verify] [--data-dir <dir>]";

    private ReplayCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        boolean verify = false;
        List<String> springArgs = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--verify" -> verify = true;
                case "--data-dir" -> {
                    if (i + 1 >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    springArgs.add("--contact-details.data-dir=" + args[++i]);
                }
                default -> {
                    if (!args[i].startsWith("--") || !args[i].contains("=")) {
                        err.println(USAGE);
                        return 2;
                    }
                    springArgs.add(args[i]);
                }
            }
        }
        try (StandaloneService service = StandaloneService.start(springArgs.toArray(String[]::new))) {
            Replay replay = service.context().getBean(Replay.class);
            ProgressBar bar = new ProgressBar(out, terminal);
            return verify ? verify(service, replay, bar, out) : rebuild(replay, bar, out, err);
        } catch (Exception e) {
            err.println("replay failed: " + e.getMessage());
            return 1;
        }
    }

    private static int rebuild(Replay replay, ProgressBar bar, PrintStream out, PrintStream err) {
        ReplayProgress result = replay.runToCompletion(bar);
        bar.finish();
        if (result.state() != ReplayProgress.State.DONE) {
            err.println("replay failed: " + result.error());
            return 1;
        }
        out.printf("Rebuilt the read models from %,d events in %.1f s (%,.0f events/s)%n", result.eventsTotal(),
                java.time.Duration.between(result.startedAt(), result.finishedAt()).toMillis() / 1000.0,
                result.eventsPerSecond());
        return 0;
    }

    private static int verify(StandaloneService service, Replay replay, ProgressBar bar, PrintStream out) throws Exception {
        // the live read models must have seen every event before they are compared with a rebuild
        replay.awaitCaughtUpWithHead();
        List<String> differences = service.context().getBean(ReadModelVerifier.class).verify(bar);
        bar.finish();
        differences.forEach(out::println);
        out.println(differences.isEmpty() ? "The read models agree with the events."
                : differences.size() + " difference(s) between the read models and the events.");
        return differences.isEmpty() ? 0 : 1;
    }
}
