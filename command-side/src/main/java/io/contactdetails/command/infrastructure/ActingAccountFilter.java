package io.contactdetails.command.infrastructure;

import io.contactdetails.kernel.api.ActingAccount;
import io.contactdetails.kernel.api.ApiError;
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
 * Resolves X-PLANNR-ACCOUNT-UUID into the {@link Actor}: the account must be listed in the token's
 * {@code accounts} claim and be an employee; its firm becomes the tenant. Anything else is a 403.
 */
class ActingAccountFilter extends OncePerRequestFilter {
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
        Optional<Actor> actor = ActingAccount.claimed(request.getHeader(ActingAccount.HEADER),
                        token.getToken().getClaim(ActingAccount.ACCOUNTS_CLAIM))
                .flatMap(directory::find)
                .filter(entry -> entry.type().canAct())
                .map(entry -> new Actor(token.getName(), entry.accountId(), entry.firmId(), RequestOrigin.of(request)));
        if (actor.isEmpty()) {
            JsonResponses.write(response, HttpServletResponse.SC_FORBIDDEN, ApiError.UNAUTHORIZED);
            return;
        }
        request.setAttribute(Actor.REQUEST_ATTRIBUTE, actor.get());
        chain.doFilter(request, response);
    }
}
