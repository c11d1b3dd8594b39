package io.contactdetails.command.firm.application;

import io.contactdetails.command.account.application.AccountCommands;
import io.contactdetails.command.firm.model.Firm;
import io.contactdetails.kernel.account.AccountType;
import io.contactdetails.kernel.account.CreateAccount;
import io.contactdetails.kernel.firm.CreateFirm;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Opens a firm and its first employee in one unit of work: both streams commit together or not at all. */
@Component
public class FirmCommands {
    private final Repository<Firm> firms;
    private final AccountCommands accounts;

    public FirmCommands(Repository<Firm> firms, AccountCommands accounts) {
        this.firms = firms;
        this.accounts = accounts;
    }

    @CommandHandler
    public void handle(CreateFirm command) throws Exception {
        firms.newInstance(() -> new Firm(command));
        accounts.handle(new CreateAccount(command.firstEmployeeId(), command.firmId(), AccountType.EMPLOYEE,
                command.firstEmployeeName()));
    }
}
