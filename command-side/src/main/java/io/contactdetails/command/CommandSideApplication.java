package io.contactdetails.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The write side on its own, against an external PostgreSQL. */
@SpringBootApplication
public class CommandSideApplication {
    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
