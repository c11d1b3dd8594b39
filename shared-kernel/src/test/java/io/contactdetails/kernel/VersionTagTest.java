package io.contactdetails.kernel;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients keep ETags across the service's restarts and upgrades and send them back in If-Match and
 * If-None-Match: the tag of the same versions must stay the same value, whatever computes it.
 */
class VersionTagTest {
    private static final String FIRST = "0191b2a0-0000-7000-8000-000000000001";
    private static final String SECOND = "0191b2a0-0000-7000-8000-000000000002";
    private static final String THIRD = "0191b2a0-0000-7000-8000-000000000003";

    @Test
    void isTheValueEarlierReleasesGaveForTheSameVersions() {
        assertThat(VersionTag.of(Map.of(FIRST, 0L))).isEqualTo("\"3Cofx7tQy3jJ5a4_45UiVCDfmHT\"");
        assertThat(VersionTag.of(Map.of(SECOND, 7L, FIRST, 12L, THIRD, 3L))).isEqualTo("\"rx4LWdWevtwYLju6KBQo8HKKZuf\"");
        assertThat(VersionTag.of(Map.of())).isEqualTo("\"47DEQpj8HBSa-_TImW-5JCeuQeR\"");
    }

    @Test
    void doesNotDependOnTheOrderTheStreamsCameIn() {
        Map<String, Long> oneOrder = new LinkedHashMap<>();
        oneOrder.put(THIRD, 3L);
        oneOrder.put(FIRST, 12L);
        oneOrder.put(SECOND, 7L);
        Map<String, Long> another = new LinkedHashMap<>();
        another.put(SECOND, 7L);
        another.put(THIRD, 3L);
        another.put(FIRST, 12L);

        assertThat(VersionTag.of(oneOrder)).isEqualTo(VersionTag.of(another)).isEqualTo("\"rx4LWdWevtwYLju6KBQo8HKKZuf\"");
    }

    @Test
    void changesWhenAnyStreamGainsAnEvent() {
        assertThat(VersionTag.of(Map.of(FIRST, 12L, SECOND, 8L))).isNotEqualTo(VersionTag.of(Map.of(FIRST, 12L, SECOND, 7L)));
        assertThat(VersionTag.of(Map.of(FIRST, 1L))).isNotEqualTo(VersionTag.of(Map.of(SECOND, 1L)));
    }

    @Test
    void requestThreadsComputingTagsAtOnceGetEachTheirOwn() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            var tags = IntStream.range(0, 4).mapToObj(thread -> threads.submit(() -> IntStream.range(0, 20_000)
                    .allMatch(i -> VersionTag.of(Map.of(FIRST, 12L, SECOND, 7L, THIRD, 3L))
                            .equals("\"rx4LWdWevtwYLju6KBQo8HKKZuf\"")))).toList();
            for (Future<Boolean> allSame : tags) {
                assertThat(allSame.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
