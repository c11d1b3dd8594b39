package io.contactdetails.command;

import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;
import java.util.Objects;

/** The write side on its own, against an external PostgreSQL. */
@SpringBootApplication
public class CommandSideApplication {
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CommandSideApplication.class);
        // Axon's update checker phones home, and once created writes ~/.axoniq even when told not to check: off and
        // not created unless AXONIQ_UPDATE_CHECKER_DISABLED or -Daxoniq.update-checker.disabled says false.
        if (!"false".equalsIgnoreCase(Objects.requireNonNullElse(System.getProperty("axoniq.update-checker.disabled"),
                Objects.requireNonNullElse(System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED"), "true")))) {
            System.setProperty("axoniq.update-checker.disabled", "true");
            application.setDefaultProperties(Map.of("spring.autoconfigure.exclude", UpdateCheckerAutoConfiguration.class.getName()));
        }
        application.run(args);
    }
}
