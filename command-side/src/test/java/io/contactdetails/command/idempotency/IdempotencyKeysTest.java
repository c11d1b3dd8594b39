package io.contactdetails.command.idempotency;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyed write stores its answer, and the statement that deletes expired keys runs beside it at most once a minute
 * in a process: a sweep finds nothing almost every time, and on every keyed write it cost a round trip and, on a
 * table not yet analysed, a scan of it. An expired key is never answered from (SafeRetriesTest), so the sweep only
 * keeps the table from growing.
 */
class IdempotencyKeysTest {
    private final List<String> statements = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final IdempotencyKeys keys = new IdempotencyKeys(new JdbcTemplate() {
        @Override
        public int update(String sql, Object... args) {
            statements.add(sql.strip().split("\\s+")[0]);
            return 1;
        }
    }, Duration.ofHours(24), nanos::get);

    @Test
    void aKeyedWriteSweepsExpiredKeysAtMostOnceAMinute() {
        save("first");
        save("second");
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        save("third");

        assertThat(statements).containsExactly("INSERT", "DELETE", "INSERT", "INSERT");

        statements.clear();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        save("fourth");
        save("fifth");

        assertThat(statements).containsExactly("INSERT", "DELETE", "INSERT");
    }

    private void save(String key) {
        keys.save(new IdempotencyKeys.Scope("adviser", "account", key),
                new IdempotencyKeys.StoredAnswer("fingerprint", 201, "application/json", "\"1\"", new byte[0]));
    }
}
