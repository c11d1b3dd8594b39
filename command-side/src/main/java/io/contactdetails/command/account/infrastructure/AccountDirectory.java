package io.contactdetails.command.account.infrastructure;

import io.contactdetails.http.security.AccountLookup;
import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.firm.FirmId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which firm each account belongs to and what it is: the write side's answer to who may act. Written in
 * the transaction of the events that change it, so it is never behind them; asked first in a process that
 * also holds the read side.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ProcessingGroup(AccountDirectory.PROCESSING_GROUP)
public class AccountDirectory implements AccountLookup {
    public static final String PROCESSING_GROUP = "account-directory";

    private final JdbcTemplate jdbc;

    public AccountDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountCreated event) {
        jdbc.update("INSERT INTO account_directory (account_uuid, firm_uuid, type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.accountId().value(), event.firmId().value(), event.type().wireName());
    }

    @Override
    public Optional<KnownAccount> find(AccountId accountId) {
        return jdbc.query("SELECT firm_uuid, type FROM account_directory WHERE account_uuid = ?",
                (rs, row) -> new KnownAccount(accountId, new FirmId(rs.getObject(1, java.util.UUID.class)),
                        AccountType.fromWireName(rs.getString(2))),
                accountId.value()).stream().findFirst();
    }
}
