package io.contactdetails.crud;

import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What a user would build instead of the service: Spring MVC, Spring Security's JWT resource server, and one
 * PostgreSQL transaction per write. It serves the two requests the benchmarks compare (the create and the account
 * read) with the service's validation and tenancy, over the same tokens, so that the benchmark tool can measure
 * the cost of event sourcing against it in the same run. It is a yardstick, not a second implementation of the API.
 */
@SpringBootApplication
public class CrudReferenceApplication {
    public static void main(String[] args) {
        SpringApplication.run(CrudReferenceApplication.class, args);
    }

    /** The service's shared-secret tokens, verified on every request as Spring Security does by default. */
    @Bean
    JwtDecoder jwtDecoder(@Value("${CONTACT_DETAILS_JWT_SECRET}") String secret) {
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
