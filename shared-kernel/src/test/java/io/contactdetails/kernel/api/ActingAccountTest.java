package io.contactdetails.kernel.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActingAccountTest {
    private static final String ACCOUNT = UUID.randomUUID().toString();

    @Test
    void theHeaderMustNameAnAccountTheTokenLists() {
        assertThat(ActingAccount.claimed(ACCOUNT, List.of(ACCOUNT))).map(Object::toString).contains(ACCOUNT);
        assertThat(ActingAccount.claimed(" " + ACCOUNT.toUpperCase() + " ", List.of(ACCOUNT))).isPresent();
        assertThat(ActingAccount.claimed(ACCOUNT, List.of(UUID.randomUUID().toString()))).isEmpty();
        assertThat(ActingAccount.claimed(null, List.of(ACCOUNT))).isEmpty();
        assertThat(ActingAccount.claimed("not-a-uuid", List.of("not-a-uuid"))).isEmpty();
    }

    @Test
    void aClaimOfTheWrongShapeAllowsNothing() {
        assertThat(ActingAccount.claimed(ACCOUNT, ACCOUNT)).isEmpty();
        assertThat(ActingAccount.claimed(ACCOUNT, null)).isEmpty();
        assertThat(ActingAccount.claimed(ACCOUNT, List.of(42, Map.of("uuid", ACCOUNT)))).isEmpty();
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> ActingAccount.hmacKey("too short")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ActingAccount.hmacKey(null)).isInstanceOf(IllegalStateException.class);
        assertThat(ActingAccount.hmacKey("x".repeat(32)).getAlgorithm()).isEqualTo("HmacSHA256");
    }
}
