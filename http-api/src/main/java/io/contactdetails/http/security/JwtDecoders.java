package io.contactdetails.http.security;

import io.contactdetails.http.ApiProperties;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Verifies bearer tokens: HS256 with a shared secret by default, or an issuer's JWK set in production. */
public final class JwtDecoders {
    private JwtDecoders() {
    }

    public static JwtDecoder decoder(ApiProperties.Jwt jwt) {
        String jwkSetUri = jwt.jwkSetUri();
        return jwkSetUri == null || jwkSetUri.isBlank()
                ? NimbusJwtDecoder.withSecretKey(TokenClaims.hmacKey(jwt.secret())).macAlgorithm(MacAlgorithm.HS256).build()
                : NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
    }
}
