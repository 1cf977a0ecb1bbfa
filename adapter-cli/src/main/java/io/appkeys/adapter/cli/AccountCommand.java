package io.appkeys.adapter.cli;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.PersonName;
import io.appkeys.core.port.in.CreateAccountUseCase;
import io.appkeys.core.port.in.ListAccountsUseCase;
import io.appkeys.core.port.in.NewAccount;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code appkeys account}: the operator creates and lists accounts (tenants). */
@Command(name = "account", description = "Create and list accounts (tenants).")
final class AccountCommand {

    @ParentCommand
    AppKeysCli cli;

    @Command(
            name = "create",
            description = "Creates an account with its master user and the predefined"
                    + " License Manager resources and roles.")
    void create(
            @Parameters(
                            paramLabel = "<name>",
                            description =
                                    "the account name: a lowercase letter, then 1 to 39 lowercase letters or digits")
                    AccountName name,
            @Option(
                            names = "--master-email",
                            required = true,
                            paramLabel = "<email>",
                            description = "the master user's email, the account's contact")
                    Email masterEmail,
            @Option(names = "--master-name", paramLabel = "<name>", description = "the master user's name")
                    PersonName masterName) {
        Account account = cli.use(CreateAccountUseCase.class)
                .createAccount(new NewAccount(name, masterEmail, Optional.ofNullable(masterName), AppKeysCli.ORIGIN));
        cli.output().show(Views.account(account));
    }

    @Command(name = "list", description = "Lists every account in the store.")
    void list() {
        cli.output()
                .list(
                        cli.use(ListAccountsUseCase.class).listAccounts().stream()
                                .map(Views::account)
                                .toList(),
                        "No accounts.",
                        "name",
                        "masterEmail",
                        "createdIn",
                        "id");
    }
}
