package io.contactdetails.http.security;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The token command mints only what the service accepts by default. */
class TokenCommandTest {
    private static final TokenCommand.Secrets SECRET = dataDirectory -> "token-command-test-secret-of-32-bytes!!";

    private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return TokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), SECRET);
    }

    @Test
    void aLifetimeOverTheServicesMaximumIsRefusedRatherThanMintedIntoA401() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(out, err, "token", "--admin", "--ttl-minutes", "1441")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--ttl-minutes must be 1 to 1440");
        assertThat(run(new ByteArrayOutputStream(), err, "token", "--admin", "--ttl-minutes", "1440")).isZero();
    }
}
