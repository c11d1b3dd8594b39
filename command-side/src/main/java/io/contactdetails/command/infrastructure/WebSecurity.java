package io.contactdetails.command.infrastructure;

import io.contactdetails.kernel.api.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import java.util.Set;

/**
 * The write side answers the changing methods; the query side (its own chain) answers GET and the
 * operators' routes under /api/v2/operations/ (replays act on read models).
 */
@Configuration
@ConditionalOnWebApplication
public class WebSecurity {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String OPERATIONS = "/api/v2/operations/";

    static boolean isPlatformRoute(HttpServletRequest request) {
        return request.getRequestURI().equals("/api/v2/firms");
    }

    @Bean
    public SecurityFilterChain commandSideSecurity(HttpSecurity http, JwtDecoder jwtDecoder, AccountDirectory directory)
            throws Exception {
        return http
                .securityMatcher(request -> WRITES.contains(request.getMethod())
                        && !request.getRequestURI().startsWith(OPERATIONS))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v2/firms").hasAuthority("SCOPE_platform:admin")
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
                .addFilterAfter(new ActingAccountFilter(directory), AuthorizationFilter.class)
                .build();
    }
}
