package io.contactdetails.query.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the read models and their processor's tokens live, and how many events the processor takes per batch. */
@ConfigurationProperties("contact-details.mongodb")
public record ReadStoreProperties(@DefaultValue("contact_details") String database) {
}
