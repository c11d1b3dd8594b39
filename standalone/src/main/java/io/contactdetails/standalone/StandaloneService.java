package io.contactdetails.standalone;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

import java.util.List;

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
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        EmbeddedStores stores = new EmbeddedStores();
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(StandaloneApplication.class)
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
