package io.contactdetails.command.infrastructure;

import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Which firm each account belongs to and what it is: the write side's authorization lookup. */
@Component
@ProcessingGroup(AccountDirectory.PROCESSING_GROUP)
public class AccountDirectory {
    static final String PROCESSING_GROUP = "account-directory";

    public record Entry(AccountId accountId, FirmId firmId, AccountType type) {
    }

    private final JdbcTemplate jdbc;

    public AccountDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountCreated event) {
        jdbc.update("INSERT INTO account_directory (account_uuid, firm_uuid, type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.accountId().value(), event.firmId().value(), event.type().wireName());
    }

    public Optional<Entry> find(AccountId accountId) {
        return jdbc.query("SELECT firm_uuid, type FROM account_directory WHERE account_uuid = ?",
                (rs, row) -> new Entry(accountId, new FirmId(rs.getObject(1, UUID.class)),
                        AccountType.fromWireName(rs.getString(2))),
                accountId.value()).stream().findFirst();
    }
}
