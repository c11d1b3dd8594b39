package io.contactdetails.http.security;

import io.contactdetails.http.ApiProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {
    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!";
    private final String token = new TokenMinter(SECRET).mint("adviser", List.of(), false, Duration.ofMinutes(5));
    private final AtomicInteger verifications = new AtomicInteger();
    private final NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(TokenClaims.hmacKey(SECRET))
            .macAlgorithm(MacAlgorithm.HS256).build();
    private final JwtDecoder counting = token -> {
        verifications.incrementAndGet();
        return nimbus.decode(token);
    };

    @Test
    void aTokenIsVerifiedOnceAndItsClaimsAreValidatedOnEveryRequest() {
        AtomicInteger validations = new AtomicInteger();
        VerifiedTokens tokens = new VerifiedTokens(counting, jwt -> validations.incrementAndGet() <= 2
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Jwt expired", null)));

        assertThat(tokens.decode(token).getSubject()).isEqualTo("adviser");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("adviser");
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired");
        assertThat(verifications).hasValue(1);
        assertThat(validations).hasValue(3);
    }

    @Test
    void aTamperedTokenIsRefusedThoughTheGenuineOneWasVerified() {
        VerifiedTokens tokens = new VerifiedTokens(counting, jwt -> OAuth2TokenValidatorResult.success());
        tokens.decode(token);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void theServicesDecoderRefusesATokenThatLivesTooLongEveryTimeItComes() {
        JwtDecoder decoder = JwtDecoders.decoder(new ApiProperties.Jwt(SECRET, null, Duration.ofHours(24)));
        String tooLong = new TokenMinter(SECRET).mint("adviser", List.of(), false, Duration.ofHours(48));
        assertThatThrownBy(() -> decoder.decode(tooLong)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(tooLong)).isInstanceOf(JwtValidationException.class);
        assertThat(decoder.decode(token).getSubject()).isEqualTo("adviser");
    }
}
