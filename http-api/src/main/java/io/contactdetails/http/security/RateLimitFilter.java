package io.contactdetails.http.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.contactdetails.http.error.ApiError;
import io.contactdetails.http.error.JsonResponses;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Plannr's rate limit: so many requests per minute per token subject ({@code sub}), told on every authenticated
 * answer ({@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}); past it, 429 with {@code Retry-After} in
 * seconds and Laravel's "Too Many Attempts.". Runs in the security chain right after the token is verified.
 * <p>
 * The buckets (Bucket4j, refilled whole once a minute like Laravel's window) live in this process: several
 * instances each keep their own, so behind the compose proxy a subject gets the allowance once from the
 * command side and once from the query side. A limit shared by instances would keep the buckets in a store
 * they share, such as Bucket4j's PostgreSQL proxy manager on the event store's database, at the price of a
 * database round trip on every request.
 */
final class RateLimitFilter extends OncePerRequestFilter {
    static final String REJECTIONS_METRIC = "contact_details.rate_limit.rejections";
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(WINDOW).build();
    private final Optional<Counter> rejections;

    RateLimitFilter(long perMinute, Optional<MeterRegistry> meters) {
        this.perMinute = perMinute;
        this.rejections = meters.map(registry -> Counter.builder(REJECTIONS_METRIC)
                .description("Requests refused with 429 because their token subject spent its allowance")
                .register(registry));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = buckets.get(token.getName(), subject -> newBucket()).tryConsumeAndReturnRemaining(1);
        response.setHeader("X-RateLimit-Limit", Long.toString(perMinute));
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
            response.setHeader("Retry-After", Long.toString(seconds));
            rejections.ifPresent(Counter::increment);
            JsonResponses.write(response, 429, ApiError.forStatus(429));
            return;
        }
        chain.doFilter(request, response);
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, WINDOW)).build();
    }
}
