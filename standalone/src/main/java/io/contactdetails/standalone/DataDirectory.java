package io.contactdetails.standalone;

import org.springframework.core.env.PropertyResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The service's own directory: embedded stores' files and the generated token secret. */
record DataDirectory(Path root) {
    static final String PROPERTY = "contact-details.data-dir";
    static final String SECRET_PROPERTY = "contact-details.jwt.secret";
    private static final String SECRET_FILE = "jwt-secret";

    static DataDirectory from(PropertyResolver properties) {
        return of(properties.getProperty(PROPERTY, "./data"));
    }

    static DataDirectory of(String path) {
        return new DataDirectory(Path.of(path).toAbsolutePath().normalize());
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path mongo() {
        return root.resolve("mongo.mv");
    }

    /**
     * The HS256 secret: the configured one, else one generated on first start and kept here, so that tokens
     * minted by {@code token} keep working across restarts.
     */
    String jwtSecret(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = root.resolve(SECRET_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(root);
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token secret in " + root, e);
        }
    }
}
