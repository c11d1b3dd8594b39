package io.contactdetails.command.account;

import io.contactdetails.kernel.account.CreateAccount;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

@Component
public class AccountCommands {
    private final Repository<Account> accounts;

    public AccountCommands(Repository<Account> accounts) {
        this.accounts = accounts;
    }

    @CommandHandler
    public AccountView handle(CreateAccount command) throws Exception {
        return accounts.newInstance(() -> new Account(command)).invoke(Account::view);
    }
}
