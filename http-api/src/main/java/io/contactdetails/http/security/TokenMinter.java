package io.contactdetails.http.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs the HS256 tokens the service accepts; for local use and tests, never a production login. */
public final class TokenMinter {
    public static final String ADMIN_SCOPE = "platform:admin";

    private final byte[] secret;

    public TokenMinter(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String mint(String subject, List<String> accounts, boolean admin, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("accounts", accounts);
        if (admin) {
            claims.claim("scope", ADMIN_SCOPE);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Cannot sign with this secret: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
