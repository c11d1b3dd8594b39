package io.contactdetails.query.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the read-model processor is split for more than one query-side replica.
 *
 * @param segments      how many segments a new token store is given (an existing one keeps its own), and how many
 *                      threads each replica may run for them (and one that claims them), so that one replica
 *                      alone can project every segment
 * @param claimTimeout  how long a replica's claim on a segment holds without being renewed: how long a crashed
 *                      replica's segments wait before another takes them
 * @param claimInterval how often a replica with a free thread looks for a segment to claim
 */
@ConfigurationProperties("contact-details.projection")
public record ProjectionSegments(@DefaultValue("2") int segments,
                                 @DefaultValue("10s") Duration claimTimeout,
                                 @DefaultValue("1s") Duration claimInterval) {
    public ProjectionSegments {
        if (segments < 1) {
            throw new IllegalArgumentException("contact-details.projection.segments must be at least 1, not " + segments);
        }
        if (claimInterval.compareTo(claimTimeout) >= 0) {
            throw new IllegalArgumentException("contact-details.projection.claim-interval (" + claimInterval
                    + ") must be shorter than its claim-timeout (" + claimTimeout + "), or live claims would lapse");
        }
    }
}
