package io.appkeys.adapter.cli;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.Decision;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.AuthorizeUseCase;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code appkeys auth}: checks credentials the way a gateway asks the server to. */
@Command(name = "auth", description = "Check app key credentials.")
final class AuthCommand {

    @ParentCommand
    AppKeysCli cli;

    @Command(
            name = "check",
            description = {
                "Checks an appKey and its appToken and, with --resource, whether the key's roles grant the resource.",
                "The appToken is read from $APPKEYS_APP_TOKEN, else from standard input; never from an argument."
            })
    void check(
            @Option(names = "--app-key", required = true, paramLabel = "<appKey>", description = "the key's appKey")
                    AppKeyName appKey,
            @Option(names = "--resource", paramLabel = "<resource>", description = "a resource the key should hold")
                    ResourceName resource,
            @Option(
                            names = "--account",
                            paramLabel = "<account>",
                            description = "the account the key should belong to (APPKEYS_ACCOUNT does not apply here)")
                    AccountName account) {
        String token = cli.tokenInput()
                .read()
                .orElseThrow(() -> new CliFailure(
                        ExitCodes.USAGE, "no appToken given: pipe it on standard input or set " + TokenInput.VARIABLE));
        AuthenticationResult result =
                cli.use(AuthenticateUseCase.class).authenticate(appKey.value(), token, AppKeysCli.ORIGIN);
        if (result instanceof AuthenticationResult.Authenticated authenticated) {
            allowed(authenticated.principal(), resource, account);
        } else if (result instanceof AuthenticationResult.Throttled throttled) {
            // Unreachable in practice: throttling counts failures within one process, and a command is one check.
            throw new CliFailure(
                    ExitCodes.NOT_AUTHENTICATED,
                    "not checked: too many failed checks for " + appKey + "; retry in "
                            + seconds(throttled.retryAfter()));
        } else if (result instanceof AuthenticationResult.Overloaded overloaded) {
            throw new CliFailure(
                    ExitCodes.NOT_AUTHENTICATED,
                    "not checked: too many checks are waiting; retry in " + seconds(overloaded.retryAfter()));
        } else {
            // One message for every cause, and at one time, as the HTTP API does: the reason is for metrics only.
            holdFor(((AuthenticationResult.Rejected) result).holdFor());
            throw new CliFailure(
                    ExitCodes.NOT_AUTHENTICATED, "rejected: the appKey and appToken do not match an active app key");
        }
    }

    private void allowed(KeyPrincipal principal, ResourceName resource, AccountName account) {
        if (account != null && !account.equals(principal.account())) {
            // As the HTTP API's ?an=: a key acts on its own account only.
            throw new CliFailure(
                    ExitCodes.FORBIDDEN,
                    "forbidden: " + principal.appKey() + " is authenticated, but it is not a key of account "
                            + account);
        }
        View view = View.of()
                .with("authenticated", true)
                .with("account", principal.account().value())
                .with("appKey", principal.appKey().value())
                .with("id", principal.id().toString());
        if (resource == null) {
            cli.output()
                    .done("Authenticated: " + principal.appKey() + " of account " + principal.account() + ".", view);
            return;
        }
        if (cli.use(AuthorizeUseCase.class).authorize(principal, resource) != Decision.ALLOWED) {
            throw new CliFailure(
                    ExitCodes.FORBIDDEN,
                    "forbidden: " + principal.appKey() + " is authenticated, but its roles do not grant " + resource);
        }
        cli.output()
                .done(
                        "Allowed: " + principal.appKey() + " of account " + principal.account() + " holds " + resource
                                + ".",
                        view.with("resource", resource.value()).with("allowed", true));
    }

    private static void holdFor(Duration hold) {
        try {
            Thread.sleep(hold.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000) + " s";
    }
}
