package io.contactdetails.query.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactdetails.kernel.api.ApiError;
import io.contactdetails.query.account.ActingAccounts;
import jakarta.servlet.http.HttpServletResponse;
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

/** The read side answers GET (and HEAD); the command side's chain answers the changing methods. */
@Configuration
public class WebSecurity {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Bean
    public SecurityFilterChain querySideSecurity(HttpSecurity http, JwtDecoder jwtDecoder, ActingAccounts accounts)
            throws Exception {
        return http
                .securityMatcher(request -> request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/error", "/actuator/health", "/actuator/health/**").permitAll()
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
