package io.contactdetails.http.security;

import io.contactdetails.http.request.RequestLimitsFilter;
import io.contactdetails.kernel.EventMetaData;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.firm.FirmId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Log lines written while a request runs say which request and which acting account; the next request's do not. */
class LogContextTest {
    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theRequestIdIsOnEveryLineWhileTheRequestRunsAndGoneAfter() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v2/accounts");
        request.addHeader("X-Request-Id", "req-42");
        Map<String, String> seen = new HashMap<>();

        new RequestLimitsFilter().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.putAll(MDC.getCopyOfContextMap()));

        assertThat(seen).containsEntry(EventMetaData.REQUEST_ID, "req-42");
        assertThat(MDC.get(EventMetaData.REQUEST_ID)).isNull();
    }

    @Test
    void theActingAccountAndItsFirmAreOnEveryLineWhileTheRequestRunsAndGoneAfter() throws Exception {
        AccountId employee = AccountId.random();
        FirmId firm = FirmId.random();
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject("adviser")
                .claim(TokenClaims.ACCOUNTS_CLAIM, List.of(employee.toString())).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v2/accounts");
        request.addHeader(TokenClaims.ACTING_ACCOUNT_HEADER, employee.toString());
        AccountLookup lookup = id -> Optional.of(new AccountLookup.KnownAccount(id, firm, AccountType.EMPLOYEE));
        Map<String, String> seen = new HashMap<>();

        new ActingAccountFilter(List.of(lookup), request1 -> false).doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.putAll(MDC.getCopyOfContextMap()));

        assertThat(seen).containsEntry(EventMetaData.ACTING_ACCOUNT, employee.toString())
                .containsEntry(EventMetaData.FIRM, firm.toString());
        assertThat(MDC.get(EventMetaData.ACTING_ACCOUNT)).isNull();
        assertThat(MDC.get(EventMetaData.FIRM)).isNull();
    }
}
