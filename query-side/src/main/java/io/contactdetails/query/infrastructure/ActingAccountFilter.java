package io.contactdetails.query.infrastructure;

import io.contactdetails.kernel.api.ActingAccount;
import io.contactdetails.kernel.api.ApiError;
import io.contactdetails.query.account.ActingAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Resolves X-PLANNR-ACCOUNT-UUID to an account: listed in the token's {@code accounts},
 * an employee, and then its firm is the tenant. Anything else is a 403.
 */
class ActingAccountFilter extends OncePerRequestFilter {
    private final ActingAccounts accounts;

    ActingAccountFilter(ActingAccounts accounts) {
        this.accounts = accounts;
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
        Optional<Actor> actor = ActingAccount.claimed(request.getHeader(ActingAccount.HEADER),
                        token.getToken().getClaim(ActingAccount.ACCOUNTS_CLAIM))
                .flatMap(accountId -> accounts.find(accountId.toString()))
                .filter(account -> account.type().canAct())
                .map(account -> new Actor(token.getName(), account.uuid(), account.firmUuid()));
        if (actor.isEmpty()) {
            WebSecurity.write(response, HttpServletResponse.SC_FORBIDDEN, ApiError.UNAUTHORIZED);
            return;
        }
        request.setAttribute(Actor.REQUEST_ATTRIBUTE, actor.get());
        chain.doFilter(request, response);
    }
}
