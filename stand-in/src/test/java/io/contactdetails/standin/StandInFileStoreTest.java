package io.contactdetails.standin;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class StandInFileStoreTest {
    private static final int MEGABYTE = 1024 * 1024;
    /** What one commit below changes: 24 MB of values, as a replay's commit on the stand-in writes tens of them. */
    private static final int VALUES_PER_COMMIT = 3_000;
    private static final int VALUE_BYTES = 8 * 1024;

    @TempDir
    Path directory;

    @Test
    void aLargeCommitAfterAnotherSerializesIntoOneBufferNotAChainOfGrowingOnes() {
        try (MVStore store = open()) {
            MVMap<Integer, byte[]> map = afterALargeCommit(store);
            putValues(map, VALUES_PER_COMMIT);

            long allocated = allocatedBy(store::commit);

            // H2's own buffer starts at 1 MB and grows by half each time it fills: this commit's 24 MB chunk allocated
            // 105 MB so; a buffer the size of the last chunk and a quarter, 32 MB with the pages' own garbage
            assertThat(allocated).isLessThan(36L * MEGABYTE);
        }
    }

    /** The first small commit after a large one takes a buffer the large one's size, once. */
    @Test
    void smallCommitsAfterTheFirstOneAfterALargeOneReuseASmallBuffer() {
        try (MVStore store = open()) {
            MVMap<Integer, byte[]> map = afterALargeCommit(store);
            for (int i = 0; i < 2; i++) {
                map.put(-1, new byte[16]);
                store.commit();
            }
            map.put(-1, new byte[16]);

            long allocated = allocatedBy(store::commit);

            // a live processor commits after every small batch: from the second after a replay, H2's kept buffer serves
            assertThat(allocated).isLessThan(MEGABYTE / 2);
        }
    }

    @Test
    void whatIsCommittedReadsBackAfterReopening() {
        try (MVStore store = open()) {
            MVMap<Integer, byte[]> map = afterALargeCommit(store);
            putValues(map, VALUES_PER_COMMIT);
            store.commit();
        }

        try (MVStore store = open()) {
            MVMap<Integer, byte[]> map = store.openMap("values");
            assertThat(map.size()).isEqualTo(2 * VALUES_PER_COMMIT);
            assertThat(map.get(2 * VALUES_PER_COMMIT - 1)).isEqualTo(value(2 * VALUES_PER_COMMIT - 1));
        }
    }

    private MVStore open() {
        return StandInFileStore.builder(directory.resolve("stand-in.mv").toString())
                .autoCommitDisabled().autoCommitBufferSize(0).open();
    }

    /** The store's map of values, after a first commit of {@link #VALUES_PER_COMMIT} of them. */
    private static MVMap<Integer, byte[]> afterALargeCommit(MVStore store) {
        MVMap<Integer, byte[]> map = store.openMap("values");
        putValues(map, 0);
        store.commit();
        return map;
    }

    private static void putValues(MVMap<Integer, byte[]> map, int from) {
        for (int key = from; key < from + VALUES_PER_COMMIT; key++) {
            map.put(key, value(key));
        }
    }

    private static byte[] value(int key) {
        byte[] value = new byte[VALUE_BYTES];
        Arrays.fill(value, (byte) key);
        return value;
    }

    private static long allocatedBy(Runnable action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
