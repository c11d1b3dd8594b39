package io.contactdetails.command;

import io.contactdetails.http.security.TokenCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The write side on its own, against an external PostgreSQL. */
@SpringBootApplication
public class CommandSideApplication {
    /** Runs the side, or with {@code token ...} prints a token it accepts (signed with CONTACT_DETAILS_JWT_SECRET). */
    public static void main(String[] args) {
        if (TokenCommand.isInvoked(args)) {
            System.exit(TokenCommand.run(args, System.out, System.err, TokenCommand.ENVIRONMENT));
        }
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
