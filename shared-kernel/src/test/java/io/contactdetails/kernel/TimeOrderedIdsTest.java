package io.contactdetails.kernel;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.firm.FirmId;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The ids the service mints land beside the newest keys of an index, not on a random page of it. */
class TimeOrderedIdsTest {
    @Test
    void idsMadeLaterSortAfterInTheirTextForm() throws InterruptedException {
        List<Supplier<String>> minted = List.of(() -> FirmId.random().toString(), () -> AccountId.random().toString(),
                () -> ContactDetailId.random().toString());
        List<String> inOrder = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (Supplier<String> id : minted) {
                inOrder.add(id.get());
                Thread.sleep(2); // ids sort by their millisecond; within one they are in no order
            }
        }

        assertThat(inOrder).isSorted();
    }

    @Test
    void areVersionSevenUuidsEachOfThemNew() {
        List<UUID> ids = Stream.generate(TimeOrderedIds::next).limit(10_000).toList();

        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
    }

    /**
     * Threads minting at once never wait for one another: the flight recorder, set to record every park and every
     * contended monitor, sees none on their way through {@link TimeOrderedIds}. The same threads then wait in a
     * {@link Crowd}, and the recording must see those waits, or an empty list would prove nothing.
     */
    @Test
    void threadsMintingAtOnceNeverWaitForOneAnother(@TempDir Path dir) throws Exception {
        int threads = 8;
        ExecutorService minting = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier ready = new CyclicBarrier(threads);
            // each thread mints once before the recording, so that what is recorded is minting, not setting up
            onEachThread(minting, threads, () -> {
                TimeOrderedIds.next();
                ready.await();
                return null;
            });
            Path recorded = dir.resolve("minting.jfr");
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ThreadPark").withThreshold(Duration.ZERO).withStackTrace();
                recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ZERO).withStackTrace();
                Crowd crowd = new Crowd(threads);
                recording.start();
                onEachThread(minting, threads, () -> {
                    for (int n = 0; n < 50_000; n++) {
                        TimeOrderedIds.next();
                    }
                    crowd.gather();
                    return null;
                });
                recording.stop();
                recording.dump(recorded);
            }

            List<RecordedEvent> events = RecordingFile.readAllEvents(recorded);
            assertThat(waitsIn(events, Crowd.class)).extracting(event -> event.getEventType().getName())
                    .contains("jdk.ThreadPark", "jdk.JavaMonitorEnter");
            assertThat(waitsIn(events, TimeOrderedIds.class)).map(TimeOrderedIdsTest::waitedIn).isEmpty();
        } finally {
            minting.shutdownNow();
        }
    }

    private static void onEachThread(ExecutorService pool, int threads, Callable<Void> task) throws Exception {
        List<Future<Void>> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            running.add(pool.submit(task));
        }
        for (Future<Void> done : running) {
            done.get();
        }
    }

    /** The event and the first frame outside the JDK: where the minting thread waited. */
    private static String waitedIn(RecordedEvent event) {
        return event.getEventType().getName() + " in " + event.getStackTrace().getFrames().stream()
                .map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName())
                .filter(method -> !method.startsWith("java.") && !method.startsWith("jdk.") && !method.startsWith("sun."))
                .findFirst().orElse("the JDK");
    }

    private static List<RecordedEvent> waitsIn(List<RecordedEvent> events, Class<?> passingThrough) {
        return events.stream()
                .filter(event -> event.getStackTrace() != null && event.getStackTrace().getFrames().stream()
                        .anyMatch(frame -> frame.getMethod().getType().getName().equals(passingThrough.getName())))
                .toList();
    }

    /** Where every thread is made to wait, both ways the old ids waited: parked, and blocked on a monitor. */
    private static final class Crowd {
        private final CyclicBarrier together;

        Crowd(int threads) {
            together = new CyclicBarrier(threads);
        }

        void gather() throws Exception {
            together.await(); // all but the last to arrive park
            synchronized (this) { // each holds the monitor while the others, arrived at once, block on it
                Thread.sleep(1);
            }
        }
    }
}
