package io.contactdetails.http;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Adds {@code contact-details-defaults.properties} behind every other property source, so the settings all
 * processes share are written once instead of in each application's properties; and keeps Axon's update
 * checker out of every process.
 */
public class SharedDefaults implements EnvironmentPostProcessor {
    static final String RESOURCE = "contact-details-defaults.properties";
    private static final String UPDATE_CHECKER = "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource(RESOURCE, new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        // The checker phones home, and once created writes ~/.axoniq even when told not to check: neither runs
        // nor is created unless AXONIQ_UPDATE_CHECKER_DISABLED (or -Daxoniq.update-checker.disabled) says false.
        String disabled = environment.getProperty("axoniq.update-checker.disabled",
                environment.getProperty("AXONIQ_UPDATE_CHECKER_DISABLED", "true"));
        if (!"false".equalsIgnoreCase(disabled)) {
            System.setProperty("axoniq.update-checker.disabled", "true");
            environment.getPropertySources().addLast(new MapPropertySource("update-checker-off",
                    Map.of("spring.autoconfigure.exclude", UPDATE_CHECKER)));
        }
    }
}
