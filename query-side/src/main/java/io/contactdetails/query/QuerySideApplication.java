package io.contactdetails.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The read side on its own: tails the PostgreSQL event store, keeps read models in MongoDB. */
@SpringBootApplication
public class QuerySideApplication {
    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
