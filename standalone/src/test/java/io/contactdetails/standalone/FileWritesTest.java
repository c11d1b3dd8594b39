package io.contactdetails.standalone;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FileWritesTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private final FileWrites writes = new FileWrites(100, Duration.ofSeconds(1), 0);

    @Test
    void aBatchThatReadAllThereWasIsAlwaysWritten() {
        assertThat(writes.due(1, 10)).isTrue();
        assertThat(writes.due(99, 20)).isTrue();
        assertThat(writes.due(99, 30)).isTrue();
    }

    @Test
    void fullBatchesInARowAreWrittenAtMostOnceASecond() {
        assertThat(writes.due(100, SECOND / 2)).isFalse();
        assertThat(writes.due(100, SECOND)).isTrue();
        assertThat(writes.due(100, SECOND + SECOND / 2)).isFalse();
        assertThat(writes.due(100, 2 * SECOND - 1)).isFalse();
        assertThat(writes.due(100, 2 * SECOND)).isTrue();
    }

    @Test
    void theLastBatchOfACatchUpIsWrittenHoweverSoonAfterTheOneBefore() {
        assertThat(writes.due(100, SECOND)).isTrue();
        assertThat(writes.due(100, SECOND + 1)).isFalse();
        assertThat(writes.due(7, SECOND + 2)).isTrue();
    }
}
