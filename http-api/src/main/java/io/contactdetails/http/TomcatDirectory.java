package io.contactdetails.http;

import org.apache.catalina.Context;
import org.apache.catalina.Globals;
import org.apache.catalina.Lifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.util.FileSystemUtils;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Tomcat's base directory, with its work directory and an empty document root inside it, made in the temporary
 * directory when Tomcat is built and removed once it is destroyed. Spring Boot makes the two apart but only marks
 * them for deletion when the JVM exits, which skips a directory that is not empty, and Tomcat's work directory never
 * is: every start of the service and every test context left them in /tmp (53-66 a build of this project, 890 after
 * a day). Nothing is made until Tomcat is, so a context whose server never starts (a mock web environment) makes
 * none.
 * <ul>
 *   <li>A base directory configured with {@code server.tomcat.basedir} is the operator's: the document root goes
 *   inside it too, and both stay. Tomcat's access log, when enabled, goes in the base directory by default, so an
 *   operator who keeps one configures either.</li>
 *   <li>The document root is always this empty directory, never a {@code public} or {@code static} directory that
 *   happens to be where the service is started: nothing here is served from files.</li>
 *   <li>A management server on a port of its own is built in a child context this does not reach, and keeps Spring
 *   Boot's directories. A process killed outright leaves its directory, as it would anything else.</li>
 * </ul>
 */
final class TomcatDirectory implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    private static final Logger LOG = LoggerFactory.getLogger(TomcatDirectory.class);

    private final ServerProperties server;

    TomcatDirectory(ServerProperties server) {
        this.server = server;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        File configured = server.getTomcat().getBasedir();
        Path base = configured != null ? configured.toPath()
                : Path.of(System.getProperty("java.io.tmpdir"), "tomcat." + factory.getPort() + "." + UUID.randomUUID());
        Path documentRoot = base.resolve("docbase");
        factory.setBaseDirectory(base.toFile());
        factory.setDocumentRoot(documentRoot.toFile());
        // a context is customized as Tomcat is built, before it starts and looks for its document root
        factory.addContextCustomizers(context -> {
            try {
                Files.createDirectories(documentRoot);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not make Tomcat's document root " + documentRoot, e);
            }
        });
        if (configured == null) {
            factory.addContextLifecycleListeners(event -> {
                if (Lifecycle.AFTER_DESTROY_EVENT.equals(event.getType())) {
                    try {
                        FileSystemUtils.deleteRecursively(base);
                    } catch (IOException e) {
                        LOG.warn("Could not remove Tomcat's directory {}", base, e);
                    }
                    forgetAsTheJvmsTomcatDirectory(((Context) event.getLifecycle()).getCatalinaBase());
                }
            });
        }
    }

    /**
     * Tomcat records its base directory as the JVM's {@code catalina.base} and, when none is set, its
     * {@code catalina.home}, and a later Tomcat in the same JVM (a test suite's next context) takes that home and
     * makes the directory again, empty and for good.
     */
    private static void forgetAsTheJvmsTomcatDirectory(File base) {
        for (String property : new String[]{Globals.CATALINA_HOME_PROP, Globals.CATALINA_BASE_PROP}) {
            if (base.getPath().equals(System.getProperty(property))) {
                System.clearProperty(property);
            }
        }
    }
}
