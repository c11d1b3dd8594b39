package io.contactdetails.http;

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

/**
 * Tomcat's base directory, with its work directory and an empty document root inside it, made in the temporary
 * directory at each start and removed once Tomcat is destroyed. Spring Boot makes the two apart but only marks them
 * for deletion when the JVM exits, which skips a directory that is not empty, and Tomcat's work directory never is:
 * every start of the service and every test context left them in /tmp (53-66 a build of this project, 890 after a
 * day). A base directory configured with {@code server.tomcat.basedir} is the operator's: the document root goes
 * inside it too, and it is left in place. A process killed outright leaves a temporary one behind, as it would
 * anything else.
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
        Path base;
        try {
            base = configured != null ? configured.toPath() : Files.createTempDirectory("tomcat." + factory.getPort() + ".");
            factory.setDocumentRoot(Files.createDirectories(base.resolve("docbase")).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make Tomcat's directory", e);
        }
        factory.setBaseDirectory(base.toFile());
        if (configured != null) {
            return;
        }
        factory.addContextLifecycleListeners(event -> {
            if (Lifecycle.AFTER_DESTROY_EVENT.equals(event.getType())) {
                try {
                    FileSystemUtils.deleteRecursively(base);
                } catch (IOException e) {
                    LOG.warn("Could not remove Tomcat's directory {}", base, e);
                }
            }
        });
    }
}
