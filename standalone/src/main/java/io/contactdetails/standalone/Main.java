package io.contactdetails.standalone;

import java.util.Arrays;

/**
 * {@code java -jar contact-details.jar} runs the service; {@code ... token ...} mints a token for local use;
 * {@code ... replay [--verify]} rebuilds (or checks) the read models from the events.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("replay")) {
            System.exit(ReplayCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err,
                    System.console() != null));
        }
        StandaloneService service = StandaloneService.start(args);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "contact-details-shutdown"));
    }
}
