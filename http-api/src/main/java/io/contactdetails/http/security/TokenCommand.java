package io.contactdetails.standalone;

import io.contactdetails.http.security.TokenMinter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code token --account <uuid> | --admin}: prints a token signed with the service's secret
 * (CONTACT_DETAILS_JWT_SECRET, else the one kept in the data directory, created if need be).
 */
final class TokenCommand {
    static final String USAGE = """
            usage: java -jar contact-details.jar token [--account <uuid>]... [--admin] [--sub <name>]
                                                       [--ttl-minutes <n>] [--data-dir <dir>]
              --account      an account uuid the token may act as (repeat for more)
              --admin        adds the platform:admin scope (to create firms)
              --sub          who logged in (default: local-user)
              --ttl-minutes  lifetime in minutes (default: 60)
              --data-dir     the service's data directory (default: $CONTACT_DETAILS_DATA_DIR or ./data)""";

    private TokenCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> accounts = new ArrayList<>();
        boolean admin = false;
        String subject = "local-user";
        long minutes = 60;
        String dataDirectory = Optional.ofNullable(System.getenv("CONTACT_DETAILS_DATA_DIR")).orElse("./data");
        try {
            for (int i = 0; i < args.length; i++) {
                String[] option = args[i].split("=", 2);
                String name = option[0];
                if (name.equals("--admin")) {
                    admin = true;
                    continue;
                }
                String value = option.length == 2 ? option[1] : (i + 1 < args.length ? args[++i] : null);
                if (value == null) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                switch (name) {
                    case "--account" -> accounts.add(java.util.UUID.fromString(value).toString());
                    case "--sub" -> subject = value;
                    case "--ttl-minutes" -> minutes = Long.parseLong(value);
                    case "--data-dir" -> dataDirectory = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (accounts.isEmpty() && !admin) {
                throw new IllegalArgumentException("name at least one --account, or --admin");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        String secret = DataDirectory.of(dataDirectory).jwtSecret(System.getenv("CONTACT_DETAILS_JWT_SECRET"));
        out.println(new TokenMinter(secret).mint(subject, accounts, admin, Duration.ofMinutes(minutes)));
        return 0;
    }
}
