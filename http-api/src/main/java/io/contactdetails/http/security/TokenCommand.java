package io.contactdetails.http.security;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code token --account <uuid> | --admin}: prints a token signed with the service's secret, so that every
 * runnable jar (the standalone one and each side's) mints the tokens it accepts.
 */
public final class TokenCommand {
    public static final String NAME = "token";
    private static final long MAX_MINUTES = 24 * 60;
    static final String USAGE = """
            usage: java -jar <jar> token [--account <uuid>]... [--admin] [--sub <name>] [--ttl-minutes <n>]
                                         [--data-dir <dir>]
              --account      an account uuid the token may act as (repeat for more)
              --admin        adds the platform:admin scope (to create firms)
              --sub          who logged in (default: local-user)
              --ttl-minutes  lifetime in minutes, 1 to 1440 (default: 60)
              --data-dir     the standalone service's data directory (default: $CONTACT_DETAILS_DATA_DIR or ./data)""";

    /** The secret to sign with, given the data directory named (or defaulted) on the command line. */
    @FunctionalInterface
    public interface Secrets {
        String secret(String dataDirectory);
    }

    /** The sides keep no data directory: they verify with CONTACT_DETAILS_JWT_SECRET, so they sign with it. */
    public static final Secrets ENVIRONMENT = dataDirectory -> Optional.ofNullable(System.getenv("CONTACT_DETAILS_JWT_SECRET"))
            .filter(secret -> !secret.isBlank())
            .orElseThrow(() -> new IllegalArgumentException("set CONTACT_DETAILS_JWT_SECRET to the secret the service verifies with"));

    private TokenCommand() {
    }

    public static boolean isInvoked(String[] args) {
        return args.length > 0 && args[0].equals(NAME);
    }

    /** Runs {@code token ...} (the first argument is the command's name); the process's exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Secrets secrets) {
        List<String> accounts = new ArrayList<>();
        boolean admin = false;
        String subject = "local-user";
        long minutes = 60;
        String dataDirectory = Optional.ofNullable(System.getenv("CONTACT_DETAILS_DATA_DIR")).orElse("./data");
        String[] options = Arrays.copyOfRange(args, 1, args.length);
        try {
            for (int i = 0; i < options.length; i++) {
                String[] option = options[i].split("=", 2);
                String name = option[0];
                if (name.equals("--admin")) {
                    admin = true;
                    continue;
                }
                String value = option.length == 2 ? option[1] : (i + 1 < options.length ? options[++i] : null);
                if (value == null) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                switch (name) {
                    case "--account" -> accounts.add(UUID.fromString(value).toString());
                    case "--sub" -> subject = value;
                    case "--ttl-minutes" -> minutes = Long.parseLong(value);
                    case "--data-dir" -> dataDirectory = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (accounts.isEmpty() && !admin) {
                throw new IllegalArgumentException("name at least one --account, or --admin");
            }
            // the service refuses longer-lived tokens by default (CONTACT_DETAILS_JWT_MAX_LIFETIME): say so here
            if (minutes < 1 || minutes > MAX_MINUTES) {
                throw new IllegalArgumentException("--ttl-minutes must be 1 to " + MAX_MINUTES
                        + " (the service's default maximum token lifetime, 24 h)");
            }
            out.println(new TokenMinter(secrets.secret(dataDirectory)).mint(subject, accounts, admin,
                    Duration.ofMinutes(minutes)));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
    }
}
