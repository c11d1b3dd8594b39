package io.contactdetails.http.request;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTest {
    @Test
    void aSaneIdFromTheClientIsKept() {
        assertThat(RequestId.from("req-42:retry.1")).isEqualTo("req-42:retry.1");
    }

    /** A new id is minted as the service's other ids are, so it neither waits on other threads nor sorts at random. */
    @Test
    void withoutASaneOneANewTimeOrderedIdIsMinted() {
        for (String header : new String[]{null, "", "has space", "x".repeat(129)}) {
            UUID minted = UUID.fromString(RequestId.from(header));

            assertThat(minted.version()).as(String.valueOf(header)).isEqualTo(7);
        }
    }
}
