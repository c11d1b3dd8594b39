package io.contactdetails.standalone;

import io.contactdetails.command.CommandSideApplication;
import io.contactdetails.query.QuerySideApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Both sides in one context: the write API answers POST/PUT/DELETE, the read API answers GET. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CommandSideApplication.class, QuerySideApplication.class})
public class StandaloneApplication {
}
