package io.contactdetails.http.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.contactdetails.http.error.ApiError;
import io.contactdetails.http.error.JsonResponses;
import io.contactdetails.http.request.RequestOrigin;
import io.contactdetails.kernel.EventMetaData;
import io.contactdetails.kernel.account.AccountId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Resolves X-PLANNR-ACCOUNT-UUID into the {@link Actor}: the account must be listed in the token's
 * {@code accounts} claim and be an employee; its firm becomes the tenant. Anything else is a 403. Log lines
 * written while the request runs name the account and firm.
 * <p>
 * An account's firm and type never change once it exists, so what the lookups found is kept (an account not
 * found is asked again: it may be created in a moment); a request then asks no store who is acting.
 */
final class ActingAccountFilter extends OncePerRequestFilter {
    private final List<AccountLookup> lookups;
    private final RequestMatcher operatorRoutes;
    private final Cache<AccountId, AccountLookup.KnownAccount> known = Caffeine.newBuilder().maximumSize(100_000).build();

    ActingAccountFilter(List<AccountLookup> lookups, RequestMatcher operatorRoutes) {
        this.lookups = List.copyOf(lookups);
        this.operatorRoutes = operatorRoutes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return operatorRoutes.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Actor> actor = TokenClaims.claimedAccount(request.getHeader(TokenClaims.ACTING_ACCOUNT_HEADER),
                        token.getToken().getClaim(TokenClaims.ACCOUNTS_CLAIM))
                .flatMap(this::find)
                .filter(account -> account.type().canAct())
                .map(account -> new Actor(token.getName(), account.accountId(), account.firmId(),
                        RequestOrigin.of(request)));
        if (actor.isEmpty()) {
            JsonResponses.write(response, HttpServletResponse.SC_FORBIDDEN, ApiError.UNAUTHORIZED);
            return;
        }
        request.setAttribute(Actor.REQUEST_ATTRIBUTE, actor.get());
        try (MDC.MDCCloseable account = MDC.putCloseable(EventMetaData.ACTING_ACCOUNT, actor.get().accountId().toString());
             MDC.MDCCloseable firm = MDC.putCloseable(EventMetaData.FIRM, actor.get().firmId().toString())) {
            chain.doFilter(request, response);
        }
    }

    private Optional<AccountLookup.KnownAccount> find(AccountId id) {
        AccountLookup.KnownAccount cached = known.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<AccountLookup.KnownAccount> found = lookups.stream().map(lookup -> lookup.find(id))
                .flatMap(Optional::stream).findFirst();
        found.ifPresent(account -> known.put(id, account));
        return found;
    }
}
