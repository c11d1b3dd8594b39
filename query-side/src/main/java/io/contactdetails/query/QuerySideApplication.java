package io.contactdetails.query;

import io.contactdetails.http.security.TokenCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The read side on its own: tails the PostgreSQL event store, keeps read models in MongoDB. */
@SpringBootApplication
public class QuerySideApplication {
    /** Runs the side, or with {@code token ...} prints a token it accepts (signed with CONTACT_DETAILS_JWT_SECRET). */
    public static void main(String[] args) {
        if (TokenCommand.isInvoked(args)) {
            System.exit(TokenCommand.run(args, System.out, System.err, TokenCommand.ENVIRONMENT));
        }
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
