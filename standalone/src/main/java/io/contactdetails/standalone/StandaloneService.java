package io.contactdetails.standalone;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
        EmbeddedStores stores = new EmbeddedStores();
        try {
            SpringApplicationBuilder application = new SpringApplicationBuilder(StandaloneApplication.class);
            ConfigurableApplicationContext context = application
                    .sources(extraSources.toArray(Class<?>[]::new))
                    .listeners(stores)
                    .initializers(starting -> starting.getBeanFactory().registerSingleton(
                            "persistingReadModelsBetweenBatches", stores.persistingReadModelsBetweenBatches()))
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
