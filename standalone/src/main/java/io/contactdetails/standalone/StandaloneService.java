package io.contactdetails.standalone;

import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The running service and the embedded stores under it, stopped in that order. */
public final class StandaloneService implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final EmbeddedStores stores;

    private StandaloneService(ConfigurableApplicationContext context, EmbeddedStores stores) {
        this.context = context;
        this.stores = stores;
    }

    public static StandaloneService start(String... args) {
        return start(List.of(), args);
    }

    /** With {@code extraSources}: further components in the same context (tests add probes this way). */
    public static StandaloneService start(List<Class<?>> extraSources, String... args) {
        EmbeddedStores stores = new EmbeddedStores();
        try {
            SpringApplicationBuilder application = new SpringApplicationBuilder(StandaloneApplication.class);
            // Axon's update checker phones home, and once created writes ~/.axoniq even when told not to check: off and
            // not created unless AXONIQ_UPDATE_CHECKER_DISABLED or -Daxoniq.update-checker.disabled says false.
            if (!"false".equalsIgnoreCase(Objects.requireNonNullElse(System.getProperty("axoniq.update-checker.disabled"),
                    Objects.requireNonNullElse(System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED"), "true")))) {
                System.setProperty("axoniq.update-checker.disabled", "true");
                application.properties(Map.of("spring.autoconfigure.exclude", UpdateCheckerAutoConfiguration.class.getName()));
            }
            ConfigurableApplicationContext context = application
                    .sources(extraSources.toArray(Class<?>[]::new))
                    .listeners(stores)
                    .initializers(starting -> starting.getBeanFactory().registerSingleton(
                            "persistingReadModelsAfterEachBatch", stores.persistingReadModelsAfterEachBatch()))
                    // the two sides name their own classes alike (ApiErrors, WebSecurity): keep both
                    .beanNameGenerator(FullyQualifiedAnnotationBeanNameGenerator.INSTANCE)
                    .registerShutdownHook(false)
                    .run(args);
            return new StandaloneService(context, stores);
        } catch (RuntimeException | Error e) {
            // the stores outlive the JVM unless closed (see EmbeddedStores)
            stores.close();
            throw e;
        }
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            stores.close();
        }
    }
}
