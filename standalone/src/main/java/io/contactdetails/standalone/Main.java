package io.contactdetails.standalone;

import io.contactdetails.http.security.TokenCommand;

import java.util.Arrays;

/**
 * {@code java -jar contact-details.jar} runs the service; {@code ... token ...} mints a token for local use;
 * {@code ... replay [--verify]} rebuilds (or checks) the read models from the events.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (TokenCommand.isInvoked(args)) {
            System.exit(TokenCommand.run(args, System.out, System.err,
                    dataDirectory -> DataDirectory.of(dataDirectory).jwtSecret(System.getenv("CONTACT_DETAILS_JWT_SECRET"))));
        }
        if (args.length > 0 && args[0].equals("replay")) {
            System.exit(ReplayCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err,
                    System.console() != null));
        }
        StandaloneService service = StandaloneService.start(args);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "contact-details-shutdown"));
    }
}
