package io.contactdetails.http;

import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What Tomcat writes on disk while it serves, and what is left of it once it has stopped. */
class TomcatDirectoryTest {
    private static final Path TEMPORARY = Path.of(System.getProperty("java.io.tmpdir"));

    private static ConfigurableApplicationContext start(String... properties) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--contact-details.jwt.secret=" + ErrorShapesTest.SECRET));
        Arrays.stream(properties).map(property -> "--" + property).forEach(arguments::add);
        return new SpringApplicationBuilder(ErrorShapesTest.Application.class).run(arguments.toArray(String[]::new));
    }

    private static Tomcat tomcat(ConfigurableApplicationContext context) {
        return ((TomcatWebServer) ((ServletWebServerApplicationContext) context).getWebServer()).getTomcat();
    }

    private static Path baseDirectory(ConfigurableApplicationContext context) {
        return Path.of(tomcat(context).getServer().getCatalinaBase().getAbsolutePath());
    }

    private static Path documentRoot(ConfigurableApplicationContext context) {
        return Path.of(((Context) tomcat(context).getHost().findChildren()[0]).getDocBase());
    }

    /** A factory as the service customizes it, with no configured base directory. */
    private static TomcatServletWebServerFactory customizedFactory() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new TomcatDirectory(new ServerProperties()).customize(factory);
        return factory;
    }

    /** The factory offers no getter for the base directory it will give Tomcat. */
    private static Path baseDirectory(TomcatServletWebServerFactory factory) {
        return ((File) ReflectionTestUtils.getField(factory, "baseDirectory")).toPath();
    }

    @Test
    void aServerThatStopsLeavesNoDirectoryBehind() {
        ConfigurableApplicationContext context = start();
        Path base;
        try {
            base = baseDirectory(context);
            assertThat(base).isDirectory().startsWith(TEMPORARY);
            assertThat(documentRoot(context)).isDirectory().startsWith(base);
        } finally {
            context.close();
        }

        assertThat(base).doesNotExist();
    }

    @Test
    void nothingIsMadeUntilTomcatIs() {
        TomcatServletWebServerFactory factory = customizedFactory();
        Path base = baseDirectory(factory);
        assertThat(base).doesNotExist();

        WebServer server = factory.getWebServer();
        try {
            assertThat(base.resolve("docbase")).isDirectory();
        } finally {
            server.destroy();
        }

        assertThat(base).doesNotExist();
    }

    /** Both properties cleared first, so that the test's first server is the one Tomcat records as the JVM's. */
    @Test
    void aLaterServerInTheSameJvmDoesNotMakeAnEarlierOnesDirectoryAgain() {
        String home = System.clearProperty("catalina.home");
        String catalinaBase = System.clearProperty("catalina.base");
        try {
            TomcatServletWebServerFactory first = customizedFactory();
            Path firstBase = baseDirectory(first);
            first.getWebServer().destroy();

            customizedFactory().getWebServer().destroy();

            assertThat(firstBase).doesNotExist();
        } finally {
            restore("catalina.home", home);
            restore("catalina.base", catalinaBase);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @Test
    void aBaseDirectoryAnOperatorConfiguredHoldsBothAndIsLeftInPlace(@TempDir Path operators) {
        Path configured = operators.resolve("tomcat");
        ConfigurableApplicationContext context = start("server.tomcat.basedir=" + configured);
        try {
            assertThat(baseDirectory(context)).isEqualTo(configured);
            assertThat(documentRoot(context)).isDirectory().startsWith(configured);
        } finally {
            context.close();
        }

        assertThat(configured).isDirectory();
    }
}
