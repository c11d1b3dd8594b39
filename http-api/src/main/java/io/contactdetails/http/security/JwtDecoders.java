package io.contactdetails.http.security;

import io.contactdetails.http.ApiProperties;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Verifies bearer tokens: HS256 with a shared secret by default, or an issuer's JWK set in production. A
 * token must say who logged in ({@code sub}: every event records it) and until when ({@code exp}), and must
 * not live longer than the configured maximum: Spring's validators leave both claims optional.
 */
public final class JwtDecoders {
    private JwtDecoders() {
    }

    public static JwtDecoder decoder(ApiProperties.Jwt jwt) {
        String jwkSetUri = jwt.jwkSetUri();
        NimbusJwtDecoder decoder = jwkSetUri == null || jwkSetUri.isBlank()
                ? NimbusJwtDecoder.withSecretKey(TokenClaims.hmacKey(jwt.secret())).macAlgorithm(MacAlgorithm.HS256).build()
                : NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(token -> OAuth2TokenValidatorResult.success());
        return new VerifiedTokens(decoder, validator(jwt.maxLifetime()));
    }

    static OAuth2TokenValidator<Jwt> validator(Duration maxLifetime) {
        return JwtValidators.createDefaultWithValidators(
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, sub -> sub instanceof String name && !name.isBlank()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                livesAtMost(maxLifetime));
    }

    /**
     * From when it was issued (or from now, when it does not say, or says a time still to come: a future
     * {@code iat} must not stretch a token's life) to its expiry.
     */
    private static OAuth2TokenValidator<Jwt> livesAtMost(Duration maxLifetime) {
        OAuth2Error tooLong = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "The token lives longer than " + maxLifetime, null);
        return jwt -> {
            Instant now = Instant.now();
            Instant issued = jwt.getIssuedAt() == null || jwt.getIssuedAt().isAfter(now) ? now : jwt.getIssuedAt();
            return jwt.getExpiresAt() == null || Duration.between(issued, jwt.getExpiresAt()).compareTo(maxLifetime) <= 0
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(tooLong);
        };
    }
}
