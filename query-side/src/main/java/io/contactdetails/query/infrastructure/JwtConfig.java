package io.contactdetails.query.infrastructure;

import io.contactdetails.kernel.api.ActingAccount;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies bearer tokens: HS256 with a shared secret by default, or an issuer's JWK set in production.
 * Missing-bean conditional because the standalone process holds the command side's equal decoder too.
 */
@Configuration
public class JwtConfig {
    @Bean
    @ConditionalOnMissingBean
    public JwtDecoder jwtDecoder(@Value("${contact-details.jwt.secret:}") String secret,
                                 @Value("${contact-details.jwt.jwk-set-uri:}") String jwkSetUri) {
        return jwkSetUri.isBlank()
                ? NimbusJwtDecoder.withSecretKey(ActingAccount.hmacKey(secret)).macAlgorithm(MacAlgorithm.HS256).build()
                : NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
    }
}
