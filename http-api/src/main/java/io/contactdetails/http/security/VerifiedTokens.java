package io.contactdetails.http.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;

/**
 * Checks a token's signature once and its claims on every request. An integrator sends the same token with
 * every request of a session, and parsing and verifying it was a tenth of a read's CPU; what can change
 * between two requests (the clock against {@code exp} and {@code nbf}) is validated each time. Entries are
 * keyed by the whole token, signature included, so a tampered token is never found; a failed verification is
 * not kept; and a verification is forgotten after {@link #REMEMBERED}, so a key taken out of an issuer's JWK
 * set stops being honoured within that time.
 */
final class VerifiedTokens implements JwtDecoder {
    static final Duration REMEMBERED = Duration.ofMinutes(1);

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(REMEMBERED)
            .build();

    /** @param verifier parses a token and checks its signature, validating no claims */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
        this.verifier = verifier;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.get(token, verifier::decode);
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }
}
