package io.contactdetails.standalone;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of generated bad bodies for POST /api/v2/contact-details: each must get a 4xx (never a 5xx),
 * and none may write an event. Every body carries at least one defect that alone makes it invalid.
 */
class BadInputTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final RunningService service = RunningService.shared();

    @Test
    void generatedBadBodiesGet4xxAndWriteNothing() {
        Tenants.Firm firm = service.newFirm("Bad input");
        String client = firm.newClient("Fuzz", "Target");
        String employee = firm.employee();
        String otherFirmsClient = service.newFirm("Bad input, elsewhere").newClient("Other", "Client");
        List<String> bodies = generate(new Random(20251128), client, employee, otherFirmsClient);
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(200);

        long eventsBefore = service.eventCount();
        List<String> failures = new ArrayList<>();
        for (String body : bodies) {
            Api.Response response = firm.api().post("/api/v2/contact-details", body);
            if (response.status() < 400 || response.status() >= 500 || !response.body().path("message").isTextual()) {
                failures.add(response.status() + " for " + abbreviate(body) + " -> " + abbreviate(response.raw()));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(service.eventCount()).isEqualTo(eventsBefore);
    }

    private static List<String> generate(Random random, String client, String employee, String otherFirmsClient) {
        List<Consumer<ObjectNode>> defects = new ArrayList<>();
        for (String field : List.of("type", "name", "value", "account_uuids")) {
            defects.add(body -> body.remove(field));
            defects.add(body -> body.putNull(field));
            defects.add(body -> body.set(field, JSON.objectNode().set("nested", JSON.arrayNode().add(JSON.objectNode()))));
        }
        for (Object type : List.of("fax", "EMAIL", "", " email", 1, true)) {
            defects.add(body -> body.set("type", JSON.pojoNode(type)));
        }
        for (Object name : List.of("", "   ", "x".repeat(256), "😀".repeat(256), "名".repeat(300), 42, false)) {
            defects.add(body -> body.set("name", JSON.pojoNode(name)));
        }
        for (Object email : List.of("plain", "a@b", "@example.com", "a@@example.com", "😀@😀", "a".repeat(65) + "@example.com",
                "a@" + "b".repeat(250) + ".com", "a b@example.com", 12345, "\u0000@example.com", "a@exa_mple.com")) {
            defects.add(body -> {
                body.put("type", "email");
                body.set("value", JSON.pojoNode(email));
            });
        }
        List<Object[]> phones = List.of(
                new Object[]{"GB", "07700 900123"}, new Object[]{"GB", "12345"}, new Object[]{"GB", "+12345"},
                new Object[]{"US", "123"}, new Object[]{"US", "555-0100"}, new Object[]{"FR", "+33 1"},
                new Object[]{"DE", "0000"}, new Object[]{"JP", "abc"}, new Object[]{"AU", "+61 2"},
                new Object[]{"IN", "98765"}, new Object[]{"XX", "+443330903630"}, new Object[]{"gbr", "+443330903630"},
                new Object[]{"", "+443330903630"}, new Object[]{"GB", "9".repeat(500)});
        for (Object[] phone : phones) {
            defects.add(body -> {
                body.put("type", "phone_number");
                body.set("value", JSON.objectNode().put("country", (String) phone[0]).put("number", (String) phone[1]));
            });
            defects.add(body -> {
                body.put("type", "phone_number");
                body.put("value", (String) phone[1] + "x");
            });
        }
        defects.add(body -> {
            body.put("type", "phone_number");
            body.set("value", JSON.objectNode().put("country", "GB"));
        });
        defects.add(body -> {
            body.put("type", "phone_number");
            body.set("value", JSON.objectNode().put("country", 44).put("number", 3330903630L));
        });
        defects.add(body -> {
            body.put("type", "phone_number");
            body.set("value", JSON.arrayNode().add("GB").add("+443330903630"));
        });
        // Laravel's boolean rule takes true, false, 1, 0, "1" and "0"; anything else is refused
        for (Object flag : List.of("yes", 2, "true", "01", -1)) {
            defects.add(body -> body.set("is_primary", JSON.pojoNode(flag)));
        }
        defects.add(body -> body.set("is_primary", JSON.arrayNode()));
        List<ArrayNode> badOwners = List.of(
                JSON.arrayNode(), JSON.arrayNode().add(1), JSON.arrayNode().add("not-a-uuid"),
                JSON.arrayNode().add(client).add(client), JSON.arrayNode().add(employee),
                JSON.arrayNode().add(otherFirmsClient), JSON.arrayNode().add(UUID.randomUUID().toString()),
                JSON.arrayNode().add(JSON.arrayNode().add(client)), JSON.arrayNode().add(client.toUpperCase() + "0"),
                JSON.arrayNode().add(client).addNull());
        for (ArrayNode owners : badOwners) {
            defects.add(body -> body.set("account_uuids", owners.deepCopy()));
        }
        defects.add(body -> body.put("account_uuids", client));
        defects.add(body -> body.set("primary_account_uuids", JSON.arrayNode().add(UUID.randomUUID().toString())));
        defects.add(body -> body.set("primary_account_uuids", JSON.arrayNode().add(employee)));
        defects.add(body -> body.put("primary_account_uuids", "x"));
        defects.add(body -> body.set("primary_account_uuids", JSON.arrayNode().add(7)));

        List<String> bodies = new ArrayList<>();
        for (Consumer<ObjectNode> defect : defects) {
            ObjectNode body = valid(random, client);
            defect.accept(body);
            bodies.add(body.toString());
        }
        for (int i = 0; i < 120; i++) {
            ObjectNode body = valid(random, client);
            int count = 1 + random.nextInt(3);
            for (int d = 0; d < count; d++) {
                defects.get(random.nextInt(defects.size())).accept(body);
            }
            if (random.nextBoolean()) {
                body.put("junk_" + i, random.nextLong());
            }
            bodies.add(body.toString());
        }
        bodies.addAll(List.of("", "{", "{\"type\":", "[]", "[{}]", "\"email\"", "null", "true", "42",
                "{\"type\":\"email\",}", "{'type':'email'}", "\u0000", "{\"name\":\"\\ud800\"}",
                "{\"value\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                "{\"name\":\"" + "x".repeat(70_000) + "\"}"));
        return bodies;
    }

    /** A valid email body; the defects applied to it each make it invalid on their own. */
    private static ObjectNode valid(Random random, String client) {
        ObjectNode body = JSON.objectNode();
        body.put("type", "email");
        body.put("name", "Home");
        body.put("value", "valid" + random.nextInt(1_000_000) + "@example.com");
        body.set("account_uuids", JSON.arrayNode().add(client));
        return body;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
