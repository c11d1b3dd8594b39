package io.contactdetails.command.account.application;

import io.contactdetails.command.account.model.Account;
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
    public void handle(CreateAccount command) throws Exception {
        accounts.newInstance(() -> new Account(command));
    }
}
