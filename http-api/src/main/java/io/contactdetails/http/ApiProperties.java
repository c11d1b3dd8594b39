package io.contactdetails.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The settings of the HTTP API both sides read: the zone timestamps are shown in, how tokens are verified, and
 * the public base URL links are built on (when unset, links are relative: never built from the request's Host
 * or X-Forwarded-Host, which a client chooses).
 */
@ConfigurationProperties("contact-details")
public record ApiProperties(@DefaultValue("Europe/London") ZoneId timeZone, @DefaultValue Jwt jwt, String publicBaseUrl,
                            @DefaultValue RateLimit rateLimit) {
    /** Requests per minute per token subject, as Plannr documents it; 0 turns the limit off. */
    public record RateLimit(@DefaultValue("500") long perMinute) {
    }

    /**
     * A shared HS256 secret (its UTF-8 bytes, at least 32), or an issuer's JWK set URI instead; and how long a
     * token may live at most, from its {@code iat} (or from now) to its {@code exp}.
     */
    public record Jwt(String secret, String jwkSetUri, @DefaultValue("24h") Duration maxLifetime) {
    }
}
