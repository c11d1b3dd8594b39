package io.contactdetails.command.infrastructure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

/**
 * Verifies bearer tokens: HS256 with a shared secret by default, or an issuer's JWK set in production.
 * Missing-bean conditional because the standalone process holds the query side's equal decoder too.
 */
@Configuration
public class JwtConfig {
    static final int MIN_SECRET_BYTES = 32;

    @Bean
    @ConditionalOnMissingBean
    public JwtDecoder jwtDecoder(@Value("${contact-details.jwt.secret:}") String secret,
                                 @Value("${contact-details.jwt.jwk-set-uri:}") String jwkSetUri) {
        if (!jwkSetUri.isBlank()) {
            return NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("CONTACT_DETAILS_JWT_SECRET must be at least " + MIN_SECRET_BYTES
                    + " bytes of UTF-8 (or set CONTACT_DETAILS_JWT_JWK_SET_URI)");
        }
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }
}
