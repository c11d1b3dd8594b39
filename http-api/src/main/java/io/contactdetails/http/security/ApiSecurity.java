package io.contactdetails.http.security;

import io.contactdetails.http.error.ApiError;
import io.contactdetails.http.ApiProperties;
import io.contactdetails.http.error.JsonResponses;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one security chain of a process, whichever sides it holds: bearer tokens everywhere, a rate limit per
 * token subject, the platform operator's scope on the operator routes the sides declare, an acting account on
 * every other route.
 */
public final class ApiSecurity {
    private static final List<OperatorRoute> ALWAYS_FOR_OPERATORS = List.of(OperatorRoute.anyMethod("/actuator/**"));
    /** The contract and its console: an integrator reads them before holding a token. */
    public static final String[] API_DOCUMENTATION = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    private ApiSecurity() {
    }

    public static SecurityFilterChain chain(HttpSecurity http, JwtDecoder jwtDecoder, List<AccountLookup> lookups,
                                            List<OperatorRoute> declared, PathPatternRequestMatcher.Builder paths,
                                            ApiProperties.RateLimit rateLimit, Optional<MeterRegistry> meters)
            throws Exception {
        if (rateLimit.perMinute() > 0) {
            http.addFilterAfter(new RateLimitFilter(rateLimit.perMinute(), meters), BearerTokenAuthenticationFilter.class);
        }
        List<RequestMatcher> operatorMatchers = new ArrayList<>();
        declared.forEach(route -> operatorMatchers.add(route.matcher(paths)));
        ALWAYS_FOR_OPERATORS.forEach(route -> operatorMatchers.add(route.matcher(paths)));
        RequestMatcher operatorRoutes = new OrRequestMatcher(operatorMatchers);
        return http
                .csrf(AbstractHttpConfigurer::disable)
                // a token lives until it expires; Spring's logout would send the caller to a login page
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/error", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(API_DOCUMENTATION).permitAll()
                        .requestMatchers(operatorRoutes).hasAuthority(TokenClaims.PLATFORM_ADMIN_AUTHORITY)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder))
                        .authenticationEntryPoint((request, response, e) ->
                                JsonResponses.write(response, 401, ApiError.UNAUTHENTICATED))
                        .accessDeniedHandler((request, response, e) ->
                                JsonResponses.write(response, 403, ApiError.UNAUTHORIZED)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) ->
                                JsonResponses.write(response, 401, ApiError.UNAUTHENTICATED))
                        .accessDeniedHandler((request, response, e) ->
                                JsonResponses.write(response, 403, ApiError.UNAUTHORIZED)))
                .addFilterAfter(new ActingAccountFilter(lookups, operatorRoutes), AuthorizationFilter.class)
                .build();
    }
}
