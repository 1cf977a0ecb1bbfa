package io.appkeys.adapter.cli;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.InvalidInputException;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --account} option of every account-scoped command; {@code APPKEYS_ACCOUNT} when absent. */
final class AccountOption {

    static final String VARIABLE = "APPKEYS_ACCOUNT";

    @Option(
            names = "--account",
            paramLabel = "<account>",
            description = "the account to act on, as its master user (default: $APPKEYS_ACCOUNT)")
    AccountName account;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    AccountName resolve(Map<String, String> environment) {
        if (account != null) {
            return account;
        }
        String fromEnvironment = environment.get(VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw new ParameterException(
                    command.commandLine(), "Missing required option: '--account=<account>' (or set " + VARIABLE + ")");
        }
        try {
            return new AccountName(fromEnvironment.strip());
        } catch (InvalidInputException e) {
            throw new ParameterException(command.commandLine(), e.getMessage() + " (from " + VARIABLE + ")");
        }
    }
}
