package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What one request can make the service do, and answer, stays bounded however large the request. */
class BoundedWorkTest {
    private final RunningService service = RunningService.shared();

    private static Map<String, Object> email(String value, List<?> owners, boolean primary) {
        return Map.of("type", "email", "name", "Email", "value", value, "is_primary", primary, "account_uuids", owners);
    }

    @Test
    void aContactDetailHasAtMostAHundredOwners() {
        Tenants.Firm firm = service.newFirm("Many owners");
        List<String> owners = Stream.generate(() -> UUID.randomUUID().toString()).limit(101).toList();
        long eventsBefore = service.eventCount();
        Api.Response response = firm.api().post("/api/v2/contact-details", email("many@example.com", owners, false));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("errors").path("account_uuids").get(0).asText())
                .isEqualTo("The account uuids field must not have more than 100 items.");
        assertThat(service.eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void tenThousandBadIdsGetTheFirstHundredErrorsAndACount() {
        Tenants.Firm firm = service.newFirm("Many bad ids");
        Api.Response response = firm.api().post("/api/v2/contact-details",
                email("bad-ids@example.com", Collections.nCopies(10_000, 1), false));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("errors").size()).isEqualTo(100);
        assertThat(response.text("message")).isEqualTo("The account uuids.0 field must be a valid UUID. (and 10000 more errors)");
        assertThat(response.raw().length()).isLessThan(16 * 1024);
    }

    @Test
    void historyEntriesCarryWhatChangedNotWholeLists() {
        Tenants.Firm firm = service.newFirm("History changes");
        String first = firm.newClient("First", "Owner");
        String second = firm.newClient("Second", "Owner");
        String shared = firm.api().post("/api/v2/contact-details", email("shared@example.com", List.of(first, second), true))
                .text("uuid");
        String later = firm.api().post("/api/v2/contact-details", email("later@example.com", List.of(first), false))
                .text("uuid");

        JsonNode account = firm.api().get("/api/v2/accounts/" + first + "/history").body().path("data");
        assertThat(account).extracting(entry -> entry.path("event").asText()).containsExactly("account_created",
                "contact_detail_attached", "primary_assigned", "contact_detail_attached");
        assertThat(account.get(1).path("changes")).isEqualTo(Api.JSON.valueToTree(
                Map.of("contact_details", Map.of("added", List.of(shared)))));
        assertThat(account.get(3).path("changes")).isEqualTo(Api.JSON.valueToTree(
                Map.of("contact_details", Map.of("added", List.of(later)))));

        JsonNode detail = firm.api().get("/api/v2/contact-details/" + shared + "/history").body().path("data");
        assertThat(detail.get(0).path("changes").path("account_uuids")).isEqualTo(Api.JSON.valueToTree(
                Map.of("added", List.of(first, second))));
        assertThat(detail.get(2).path("changes")).isEqualTo(Api.JSON.valueToTree(
                Map.of("primary_account_uuids", Map.of("added", List.of(second)))));
    }
}
