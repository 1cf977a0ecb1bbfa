package io.appkeys.adapter.cli;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.PersonName;
import io.appkeys.core.port.in.ChangeAccountSettingsUseCase;
import io.appkeys.core.port.in.CreateAccountUseCase;
import io.appkeys.core.port.in.GetAccountSettingsUseCase;
import io.appkeys.core.port.in.ListAccountsUseCase;
import io.appkeys.core.port.in.NewAccount;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code appkeys account}: the operator creates and lists accounts (tenants), and sets their key settings. */
@Command(
        name = "account",
        addMethodSubcommands = false,
        description = "Create and list accounts (tenants), and read or change their settings.")
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

    @Command(
            name = "settings",
            description = "Shows an account's settings for its keys, or changes those given: the longest a new key"
                    + " may live, how often tokens should be renewed, and whether renewals finish by themselves.")
    void settings(
            @Mixin AccountOption account,
            @Option(
                            names = "--max-key-lifetime",
                            paramLabel = "<lifetime>",
                            description = "new keys expire at most this long after they are made (90d, 12h, P90D),"
                                    + " or off (the default)")
                    String maxKeyLifetime,
            @Option(
                            names = "--renew-every",
                            paramLabel = "<months>",
                            description = "a token older than 3 or 6 months is due for renewal, older than twice"
                                    + " that overdue (default 3)")
                    Integer renewEvery,
            @Option(
                            names = "--auto-finish-after",
                            paramLabel = "<lifetime>",
                            description = "a renewal finishes by itself this long after it starts (7d), shorter"
                                    + " than the expiration period; or off (the default)")
                    String autoFinishAfter) {
        // every option read before the store is opened, so a bad one changes nothing and is told as such
        Optional<Optional<Duration>> lifetime =
                Optional.ofNullable(maxKeyLifetime).map(AccountCommand::orOff);
        Optional<Optional<Duration>> grace =
                Optional.ofNullable(autoFinishAfter).map(AccountCommand::orOff);
        if (renewEvery != null) {
            AccountSettings.DEFAULTS.withRenewEveryMonths(renewEvery);
        }
        Caller master = cli.master(account);
        if (lifetime.isEmpty() && renewEvery == null && grace.isEmpty()) {
            cli.output()
                    .show(Views.settings(
                            cli.use(GetAccountSettingsUseCase.class).accountSettings(master)));
            return;
        }
        AccountSettings changed = cli.use(ChangeAccountSettingsUseCase.class)
                .changeAccountSettings(master, settings -> {
                    AccountSettings edited = settings;
                    if (lifetime.isPresent()) {
                        edited = edited.withMaxKeyLifetime(lifetime.get());
                    }
                    if (renewEvery != null) {
                        edited = edited.withRenewEveryMonths(renewEvery);
                    }
                    if (grace.isPresent()) {
                        edited = edited.withAutoFinishAfter(grace.get());
                    }
                    return edited;
                });
        cli.output().show(Views.settings(changed));
    }

    /** A lifetime, or none for {@code off}. */
    private static Optional<Duration> orOff(String text) {
        return "off".equals(text)
                ? Optional.empty()
                : Optional.of(Lifetime.parse(text).duration());
    }
}
