package io.contactdetails.query.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactdetails.kernel.api.ApiError;
import io.contactdetails.query.account.ActingAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import java.io.IOException;

/**
 * The read side answers GET (and HEAD) and the operators' routes; the command side's chain answers the
 * other changing methods.
 */
@Configuration
@ConditionalOnWebApplication
public class WebSecurity {
    public static final String OPERATIONS = "/api/v2/operations/";

    /** Routes for platform operators: no acting account, the platform:admin scope instead. */
    static boolean isPlatformRoute(HttpServletRequest request) {
        return request.getRequestURI().startsWith(OPERATIONS) || request.getRequestURI().startsWith("/actuator/");
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Bean
    public SecurityFilterChain querySideSecurity(HttpSecurity http, JwtDecoder jwtDecoder, ActingAccounts accounts)
            throws Exception {
        return http
                .securityMatcher(request -> request.getMethod().equals("GET") || request.getMethod().equals("HEAD")
                        || request.getRequestURI().startsWith(OPERATIONS))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/error", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(OPERATIONS + "**", "/actuator/**").hasAuthority("SCOPE_platform:admin")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder))
                        .authenticationEntryPoint((request, response, e) -> write(response, 401, ApiError.UNAUTHENTICATED))
                        .accessDeniedHandler((request, response, e) -> write(response, 403, ApiError.UNAUTHORIZED)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> write(response, 401, ApiError.UNAUTHENTICATED))
                        .accessDeniedHandler((request, response, e) -> write(response, 403, ApiError.UNAUTHORIZED)))
                .addFilterAfter(new ActingAccountFilter(accounts), AuthorizationFilter.class)
                .build();
    }

    static void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        MAPPER.writeValue(response.getOutputStream(), error);
    }
}
