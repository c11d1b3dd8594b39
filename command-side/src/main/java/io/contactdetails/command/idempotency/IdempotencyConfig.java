package io.contactdetails.command.idempotency;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

@Configuration
@EnableConfigurationProperties(IdempotencyConfig.IdempotencyProperties.class)
public class IdempotencyConfig {
    /** How long an Idempotency-Key and its answer are kept before the key is forgotten. */
    @ConfigurationProperties("contact-details.idempotency")
    public record IdempotencyProperties(@DefaultValue("PT24H") Duration ttl) {
    }

    /** After the security chain, so the login and the acting account that scope a key are known. */
    @Bean
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcTemplate jdbc,
                                                                       PlatformTransactionManager transactions,
                                                                       IdempotencyProperties properties) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(
                new IdempotencyKeys(jdbc, properties.ttl()), new TransactionTemplate(transactions)));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
