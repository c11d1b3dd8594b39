package io.contactdetails.crud;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.contactdetails.kernel.InvalidValue;
import io.contactdetails.kernel.TimeOrderedIds;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailOwners;
import io.contactdetails.kernel.contactdetail.ContactDetailName;
import io.contactdetails.kernel.contactdetail.ContactType;
import io.contactdetails.kernel.contactdetail.ContactValue;
import io.contactdetails.kernel.contactdetail.EmailAddress;
import io.contactdetails.kernel.contactdetail.PhoneNumber;

/**
 * The create and the account read as a plain CRUD service does them: the create finds the acting employee's firm,
 * locks the owners (clients of that firm), refuses a value one of them already owns, inserts the detail and its
 * ownership rows, makes it the primary of the owners that asked for it or have none of its type (the service's rules),
 * and reads them back for its answer, in one transaction; the read is one joined query. Both answer in the service's
 * shapes. What the benchmarks do not send is left out: {@code primary_account_uuids}, a phone number given as an
 * object, the {@code errors} map of a 422, and times in the firm's zone.
 */
@RestController
class ContactDetails {
    static final String ACTING_ACCOUNT = "X-PLANNR-ACCOUNT-UUID";
    private static final String ACCOUNTS = """
            SELECT a.uuid, a.type, a.first_name, a.last_name, a.created_at, a.updated_at,
                   e.uuid, e.name, e.value, e.created_at, e.updated_at,
                   p.uuid, p.name, p.value, p.country, p.formatted, p.created_at, p.updated_at
            FROM account a
            LEFT JOIN contact_detail e ON e.uuid = a.primary_email
            LEFT JOIN contact_detail p ON p.uuid = a.primary_phone_number
            """;

    record NewContactDetail(String type, String name, String value, @JsonProperty("is_primary") boolean primary,
                            @JsonProperty("account_uuids") List<String> accountUuids) {
    }

    /** A refusal in the API's error shape. */
    static final class Refused extends RuntimeException {
        final HttpStatus status;

        Refused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ContactDetails(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @PostMapping("/api/v2/contact-details")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal Jwt token,
                                               @RequestHeader(name = ACTING_ACCOUNT, required = false) String acting,
                                               @RequestBody NewContactDetail body) {
        UUID actor = actor(token, acting);
        ContactType type = ContactType.fromWireName(body.type());
        ContactDetailName name = new ContactDetailName(body.name());
        ContactValue value = type == ContactType.EMAIL ? new EmailAddress(body.value())
                : PhoneNumber.parse(body.value(), PhoneNumber.DEFAULT_REGION);
        List<UUID> owners = uuids(body.accountUuids());
        List<AccountId> ownerIds = owners.stream().map(AccountId::new).toList();
        ContactDetailOwners.of(ownerIds, body.primary() ? ownerIds : List.of());
        UUID uuid = TimeOrderedIds.next();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> created = transactions.execute(status -> {
            UUID firm = jdbc.query("SELECT firm_uuid FROM account WHERE uuid = ? AND type = 'employee'",
                    (row, n) -> row.getObject(1, UUID.class), actor).stream().findFirst()
                    .orElseThrow(ContactDetails::unauthorized);
            int locked = query("SELECT uuid FROM account WHERE uuid = ANY(?) AND firm_uuid = ? AND type = 'client'"
                    + " ORDER BY uuid FOR UPDATE", (row, n) -> row.getString(1), owners, firm).size();
            if (locked != owners.size()) {
                throw new Refused(HttpStatus.UNPROCESSABLE_ENTITY, "The selected account_uuids is invalid.");
            }
            if (!query("SELECT 1 FROM contact_detail d JOIN ownership o ON o.contact_detail_uuid = d.uuid"
                    + " WHERE d.type = ? AND d.value = ? AND o.account_uuid = ANY(?) LIMIT 1",
                    (row, n) -> true, type.wireName(), value.value(), owners).isEmpty()) {
                throw new Refused(HttpStatus.UNPROCESSABLE_ENTITY, "The value has already been taken.");
            }
            String country = value.phoneNumberMeta() == null ? null : value.phoneNumberMeta().country();
            String formatted = value.phoneNumberMeta() == null ? null : value.phoneNumberMeta().formatted();
            jdbc.update("INSERT INTO contact_detail (uuid, firm_uuid, type, name, value, country, formatted, created_at,"
                            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    uuid, firm, type.wireName(), name.value(), value.value(), country, formatted, now, now);
            jdbc.batchUpdate("INSERT INTO ownership (contact_detail_uuid, account_uuid) VALUES (?, ?)",
                    owners.stream().map(owner -> new Object[] {uuid, owner}).toList());
            String column = type == ContactType.EMAIL ? "primary_email" : "primary_phone_number";
            Set<String> primaries = Set.copyOf(query("UPDATE account SET " + column + " = ?, updated_at = ?"
                    + " WHERE uuid = ANY(?) AND (? OR " + column + " IS NULL) RETURNING uuid",
                    (row, n) -> row.getString(1), uuid, now, owners, body.primary()));
            Map<String, Map<String, Object>> accounts = query(ACCOUNTS + " WHERE a.uuid = ANY(?)",
                    ContactDetails::account, owners).stream()
                    .collect(Collectors.toMap(account -> (String) account.get("uuid"), Function.identity()));
            Map<String, Object> answer = detail(uuid.toString(), name.value(), type.wireName(), value.value(), country,
                    formatted, now, now);
            answer.put("accounts", owners.stream().map(owner -> accounts.get(owner.toString())).toList());
            answer.put("primary_accounts", owners.stream().map(UUID::toString).filter(primaries::contains)
                    .map(accounts::get).toList());
            return answer;
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/api/v2/accounts/{uuid}")
    Map<String, Object> account(@AuthenticationPrincipal Jwt token,
                                @RequestHeader(name = ACTING_ACCOUNT, required = false) String acting,
                                @PathVariable String uuid) {
        UUID actor = actor(token, acting);
        UUID account = uuid(uuid, HttpStatus.NOT_FOUND);
        return query(ACCOUNTS + " WHERE a.uuid = ? AND a.firm_uuid ="
                        + " (SELECT firm_uuid FROM account WHERE uuid = ? AND type = 'employee')",
                ContactDetails::account, account, actor).stream().findFirst()
                .orElseThrow(() -> jdbc.queryForObject("SELECT count(*) FROM account WHERE uuid = ? AND type = 'employee'",
                        Long.class, actor) == 0 ? unauthorized() : new Refused(HttpStatus.NOT_FOUND, "Not found."));
    }

    @ExceptionHandler(InvalidValue.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidValue invalid) {
        return refused(new Refused(HttpStatus.UNPROCESSABLE_ENTITY, invalid.getMessage()));
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<Map<String, Object>> refused(Refused refused) {
        return ResponseEntity.status(refused.status).body(Map.of("message", refused.getMessage()));
    }

    /**
     * The account the request acts as: the header must name one the token lists in its {@code accounts} claim (that
     * it is an employee, the query that uses it checks).
     */
    private static UUID actor(Jwt token, String header) {
        if (header != null && token.getClaim("accounts") instanceof List<?> accounts
                && accounts.stream().anyMatch(account -> account instanceof String text && text.equalsIgnoreCase(header.trim()))) {
            return uuid(header.trim(), HttpStatus.FORBIDDEN);
        }
        throw unauthorized();
    }

    private static Refused unauthorized() {
        return new Refused(HttpStatus.FORBIDDEN, "This action is unauthorized.");
    }

    private static List<UUID> uuids(List<String> uuids) {
        if (uuids == null) {
            throw new Refused(HttpStatus.UNPROCESSABLE_ENTITY, "The account_uuids field is required.");
        }
        return uuids.stream().map(uuid -> uuid(uuid, HttpStatus.UNPROCESSABLE_ENTITY)).toList();
    }

    private static UUID uuid(String text, HttpStatus otherwise) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            throw new Refused(otherwise, otherwise == HttpStatus.NOT_FOUND ? "Not found." : "Invalid uuid: " + text);
        }
    }

    /** A query whose list arguments are PostgreSQL uuid arrays. */
    private <T> List<T> query(String sql, RowMapper<T> rows, Object... arguments) {
        return jdbc.query(connection -> statement(connection, sql, arguments), rows);
    }

    private static PreparedStatement statement(Connection connection, String sql, Object... arguments) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof List<?> list) {
                statement.setArray(i + 1, connection.createArrayOf("uuid", list.toArray()));
            } else {
                statement.setObject(i + 1, arguments[i]);
            }
        }
        return statement;
    }

    private static Map<String, Object> account(ResultSet row, int rowNumber) throws SQLException {
        Map<String, Object> email = row.getString(7) == null ? null : detail(row.getString(7), row.getString(8), "email",
                row.getString(9), null, null, row.getObject(10, OffsetDateTime.class), row.getObject(11, OffsetDateTime.class));
        Map<String, Object> phone = row.getString(12) == null ? null : detail(row.getString(12), row.getString(13),
                "phone_number", row.getString(14), row.getString(15), row.getString(16),
                row.getObject(17, OffsetDateTime.class), row.getObject(18, OffsetDateTime.class));
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("uuid", row.getString(1));
        account.put("type", row.getString(2));
        account.put("first_name", row.getString(3));
        account.put("last_name", row.getString(4));
        account.put("name", row.getString(3) + " " + row.getString(4));
        account.put("email", email == null ? null : email.get("value"));
        account.put("primary_email", email);
        account.put("primary_phone_number", phone);
        account.put("created_at", row.getObject(5, OffsetDateTime.class).toString());
        account.put("updated_at", row.getObject(6, OffsetDateTime.class).toString());
        return account;
    }

    private static Map<String, Object> detail(String uuid, String name, String type, String value, String country,
                                              String formatted, OffsetDateTime created, OffsetDateTime updated) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("uuid", uuid);
        detail.put("name", name);
        detail.put("type", type);
        detail.put("value", value);
        detail.put("phone_number_meta", country == null ? null : Map.of("country", country, "formatted", formatted));
        detail.put("created_at", created.toString());
        detail.put("updated_at", updated.toString());
        return detail;
    }
}
