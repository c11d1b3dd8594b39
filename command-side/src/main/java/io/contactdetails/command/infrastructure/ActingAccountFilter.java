package io.contactdetails.command.infrastructure;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.api.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves X-PLANNR-ACCOUNT-UUID into the {@link Actor}: the account must be listed in the token's
 * {@code accounts} claim and be an employee; its firm becomes the tenant. Anything else is a 403.
 */
class ActingAccountFilter extends OncePerRequestFilter {
    static final String HEADER = "X-PLANNR-ACCOUNT-UUID";

    private final AccountDirectory directory;

    ActingAccountFilter(AccountDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return WebSecurity.isPlatformRoute(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Actor> actor = parse(request.getHeader(HEADER))
                .filter(accountId -> claimedAccounts(token).contains(accountId.toString()))
                .flatMap(directory::find)
                .filter(entry -> entry.type().canAct())
                .map(entry -> new Actor(token.getName(), entry.accountId(), entry.firmId(), RequestIds.current(request)));
        if (actor.isEmpty()) {
            JsonResponses.write(response, HttpServletResponse.SC_FORBIDDEN, ApiError.UNAUTHORIZED);
            return;
        }
        request.setAttribute(Actor.REQUEST_ATTRIBUTE, actor.get());
        chain.doFilter(request, response);
    }

    private static List<String> claimedAccounts(JwtAuthenticationToken token) {
        List<String> accounts = token.getToken().getClaimAsStringList("accounts");
        return accounts == null ? List.of() : accounts.stream().map(a -> a.toLowerCase()).toList();
    }

    private static Optional<AccountId> parse(String header) {
        try {
            return header == null ? Optional.empty() : Optional.of(new AccountId(UUID.fromString(header.trim())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
