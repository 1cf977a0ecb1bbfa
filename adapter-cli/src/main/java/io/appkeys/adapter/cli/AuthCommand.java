package io.appkeys.adapter.cli;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.Decision;
import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.LoginResult;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.port.in.ActInAccountUseCase;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.AuthorizeUseCase;
import io.appkeys.core.port.in.LoginUseCase;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code appkeys auth}: checks credentials the way a gateway asks the server to, and exchanges a key pair for a
 * signed token (VTEX ID's login) or checks one.
 */
@Command(
        name = "auth",
        addMethodSubcommands = false,
        description = "Check app key credentials; get and check signed tokens.")
final class AuthCommand {

    private static final String FROM = "the IPv4 or IPv6 address the caller would come from, for a key restricted to"
            + " networks (without it, such a key is refused)";

    static final String PAIR_REJECTED = "rejected: the appKey and appToken do not match an active app key";
    static final String SIGNED_REJECTED =
            "rejected: the signed token is not valid (expired, altered, revoked or unknown)";
    static final String SIGNED_SHOWN_ONCE =
            "This signed token stands for the key until it expires: keep it as you keep the appToken.";

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
                            description =
                                    "the account to act in: the key's own, or one that granted it roles (APPKEYS_ACCOUNT does"
                                            + " not apply here)")
                    AccountName account,
            @Option(names = "--from", paramLabel = "<address>", description = FROM) IpAddress from) {
        String token = appToken();
        AuthenticateUseCase authentication = cli.use(AuthenticateUseCase.class);
        AuthenticationResult result = authentication.authenticate(
                authentication.attempt(appKey.value(), token, AppKeysCli.ORIGIN, Optional.ofNullable(from)));
        if (result instanceof AuthenticationResult.Authenticated authenticated) {
            allowed(authenticated.principal(), resource, account);
        } else {
            refused(result, appKey.value(), PAIR_REJECTED);
        }
    }

    @Command(
            name = "login",
            description = {
                "Exchanges an appKey and its appToken for a signed token (VTEX ID's VtexIdclientAutCookie), and"
                        + " prints it and when it expires.",
                "The appToken is read from $APPKEYS_APP_TOKEN, else from standard input; never from an argument."
            })
    void login(
            @Option(names = "--app-key", required = true, paramLabel = "<appKey>", description = "the key's appKey")
                    AppKeyName appKey,
            @Option(names = "--from", paramLabel = "<address>", description = FROM) IpAddress from) {
        String token = appToken();
        AuthenticateUseCase authentication = cli.use(AuthenticateUseCase.class);
        LoginResult result = cli.use(LoginUseCase.class)
                .login(authentication.attempt(appKey.value(), token, AppKeysCli.ORIGIN, Optional.ofNullable(from)));
        if (result instanceof LoginResult.LoggedIn loggedIn) {
            cli.output()
                    .show(
                            View.of()
                                    .with(
                                            "appKey",
                                            loggedIn.principal().appKey().value())
                                    .with(
                                            "account",
                                            loggedIn.principal().account().value())
                                    .with("token", loggedIn.token().reveal())
                                    .with("expires", loggedIn.expiresAt().toString()),
                            SIGNED_SHOWN_ONCE);
            return;
        }
        refused(((LoginResult.Refused) result).result(), appKey.value(), PAIR_REJECTED);
    }

    @Command(
            name = "validate",
            description = {
                "Checks a signed token and, with --resource, whether its key's roles grant the resource.",
                "The token is read from $APPKEYS_SIGNED_TOKEN, else from standard input; never from an argument."
            })
    void validate(
            @Option(names = "--resource", paramLabel = "<resource>", description = "a resource the key should hold")
                    ResourceName resource,
            @Option(
                            names = "--account",
                            paramLabel = "<account>",
                            description =
                                    "the account to act in: the key's own, or one that granted it roles (APPKEYS_ACCOUNT does"
                                            + " not apply here)")
                    AccountName account,
            @Option(names = "--from", paramLabel = "<address>", description = FROM) IpAddress from) {
        String token = cli.tokenInput()
                .read(TokenInput.SIGNED_VARIABLE, "signed token: ")
                .orElseThrow(() -> new CliFailure(
                        ExitCodes.USAGE,
                        "no signed token given: pipe it on standard input or set " + TokenInput.SIGNED_VARIABLE));
        AuthenticateUseCase authentication = cli.use(AuthenticateUseCase.class);
        AuthenticationResult result = authentication.authenticate(
                authentication.attemptToken(token, AppKeysCli.ORIGIN, Optional.ofNullable(from)));
        if (result instanceof AuthenticationResult.Authenticated authenticated) {
            allowed(authenticated.principal(), resource, account);
            return;
        }
        refused(result, "the signed token", SIGNED_REJECTED);
    }

    /**
     * Fails for a refused {@code subject}: a throttle or an overload says so; a rejection says {@code rejection}, one
     * thing for every cause, at one time, as the HTTP API does (the reason is for metrics only).
     */
    private static void refused(AuthenticationResult result, String subject, String rejection) {
        if (result instanceof AuthenticationResult.Throttled throttled) {
            // Unreachable in practice for a pair: throttling counts failures within one process, and a command
            // is one check.
            throw new CliFailure(
                    ExitCodes.NOT_AUTHENTICATED,
                    "not checked: too many failed checks for " + subject + "; retry in "
                            + seconds(throttled.retryAfter()));
        }
        if (result instanceof AuthenticationResult.Overloaded overloaded) {
            throw new CliFailure(
                    ExitCodes.NOT_AUTHENTICATED,
                    "not checked: too many checks are waiting; retry in " + seconds(overloaded.retryAfter()));
        }
        holdFor(((AuthenticationResult.Rejected) result).holdFor());
        throw new CliFailure(ExitCodes.NOT_AUTHENTICATED, rejection);
    }

    private String appToken() {
        return cli.tokenInput()
                .read()
                .orElseThrow(() -> new CliFailure(
                        ExitCodes.USAGE, "no appToken given: pipe it on standard input or set " + TokenInput.VARIABLE));
    }

    private void allowed(KeyPrincipal authenticated, ResourceName resource, AccountName account) {
        // As the HTTP API's ?an=: a key acts on its own account, or on one that granted it roles (external keys).
        KeyPrincipal principal = account == null
                ? authenticated
                : cli.use(ActInAccountUseCase.class)
                        .actIn(authenticated, account)
                        .orElseThrow(() -> new CliFailure(
                                ExitCodes.FORBIDDEN,
                                "forbidden: " + authenticated.appKey() + " is authenticated, but it is not a key of"
                                        + " account " + account + " and that account granted it no role"));
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
