package io.contactdetails.http.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenClaimsTest {
    private static final String ACCOUNT = UUID.randomUUID().toString();

    @Test
    void theHeaderMustNameAnAccountTheTokenLists() {
        assertThat(TokenClaims.claimedAccount(ACCOUNT, List.of(ACCOUNT))).map(Object::toString).contains(ACCOUNT);
        assertThat(TokenClaims.claimedAccount(" " + ACCOUNT.toUpperCase() + " ", List.of(ACCOUNT))).isPresent();
        assertThat(TokenClaims.claimedAccount(ACCOUNT, List.of(UUID.randomUUID().toString()))).isEmpty();
        assertThat(TokenClaims.claimedAccount(null, List.of(ACCOUNT))).isEmpty();
        assertThat(TokenClaims.claimedAccount("not-a-uuid", List.of("not-a-uuid"))).isEmpty();
    }

    @Test
    void aClaimOfTheWrongShapeAllowsNothing() {
        assertThat(TokenClaims.claimedAccount(ACCOUNT, ACCOUNT)).isEmpty();
        assertThat(TokenClaims.claimedAccount(ACCOUNT, null)).isEmpty();
        assertThat(TokenClaims.claimedAccount(ACCOUNT, List.of(42, Map.of("uuid", ACCOUNT)))).isEmpty();
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> TokenClaims.hmacKey("too short")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TokenClaims.hmacKey(null)).isInstanceOf(IllegalStateException.class);
        assertThat(TokenClaims.hmacKey("x".repeat(32)).getAlgorithm()).isEqualTo("HmacSHA256");
    }
}
