package io.appkeys.adapter.cli;

import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyDetails;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.KeyMetadata;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.KeyUsage;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.ListedAppKey;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.RenewedToken;
import io.appkeys.core.domain.TokenStatus;
import io.appkeys.core.port.in.CancelRenewalUseCase;
import io.appkeys.core.port.in.CreateAppKeyUseCase;
import io.appkeys.core.port.in.DeleteAppKeyUseCase;
import io.appkeys.core.port.in.ExportAppKeysUseCase;
import io.appkeys.core.port.in.ExportFormat;
import io.appkeys.core.port.in.FinishRenewalUseCase;
import io.appkeys.core.port.in.GetAppKeyUseCase;
import io.appkeys.core.port.in.GetKeyUsageUseCase;
import io.appkeys.core.port.in.KeyFilter;
import io.appkeys.core.port.in.ListAppKeysUseCase;
import io.appkeys.core.port.in.RenewAppTokenUseCase;
import io.appkeys.core.port.in.SetAppKeyActiveUseCase;
import io.appkeys.core.port.in.SetAppKeyExpiryUseCase;
import io.appkeys.core.port.in.SetAppKeyMetadataUseCase;
import io.appkeys.core.port.in.SetAppKeyNetworksUseCase;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code appkeys key}: app keys, from creation through renewal to deletion. */
@Command(
        name = "key",
        addMethodSubcommands = false,
        description = "Create, inspect, switch, renew and delete app keys.",
        footer = AppKeysCli.CHANGES_HOLD_EVERYWHERE)
final class KeyCommand {

    static final String SHOWN_ONCE =
            "This is the only time the appToken is shown: store it now," + " it will not be shown again.";
    private static final String KEY = "the key's id or appKey";

    @ParentCommand
    AppKeysCli cli;

    @Command(name = "create", description = "Creates an app key without roles and prints its appToken once.")
    void create(
            @Mixin AccountOption account,
            @Option(
                            names = "--label",
                            required = true,
                            paramLabel = "<label>",
                            description = "what the key is for, 1 to 100 characters")
                    Label label,
            @Option(
                            names = "--expires-in",
                            paramLabel = "<lifetime>",
                            description = "the key stops authenticating after this long: 90d, 12h, 30m, 45s, or"
                                    + " ISO-8601 (P90D); default: never")
                    Lifetime lifetime) {
        Optional<Instant> expires =
                Optional.ofNullable(lifetime).map(life -> Instant.now().plus(life.duration()));
        CreatedAppKey created = cli.use(CreateAppKeyUseCase.class).createAppKey(cli.master(account), label, expires);
        cli.output().show(Views.created(created), SHOWN_ONCE);
    }

    @Command(
            name = "expire",
            description = "Sets when an app key stops authenticating (as a deactivated key, from that instant on, on"
                    + " every server of the store), or that it never does.")
    void expire(
            @Mixin AccountOption account,
            @Parameters(paramLabel = "<key>", description = KEY) KeyRef key,
            @ArgGroup(multiplicity = "1") Expiry expiry) {
        Optional<Instant> at = expiry.never
                ? Optional.empty()
                : Optional.of(expiry.at != null ? expiry.at : Instant.now().plus(expiry.in.duration()));
        AppKey changed = cli.use(SetAppKeyExpiryUseCase.class).setAppKeyExpiry(cli.master(account), key, at);
        cli.output().show(Views.key(changed));
    }

    /** When a key expires: after a lifetime, at an instant, or never; exactly one of them. */
    static final class Expiry {

        @Option(
                names = "--in",
                required = true,
                paramLabel = "<lifetime>",
                description = "after this long: 90d, 12h...")
        Lifetime in;

        @Option(
                names = "--at",
                required = true,
                paramLabel = "<instant>",
                description = "at this instant, ISO-8601 in UTC (2027-01-31T00:00:00Z)")
        Instant at;

        @Option(names = "--never", required = true, description = "never: clears the expiry")
        boolean never;
    }

    @Command(
            name = "restrict",
            description = "Sets the networks an app key may be used from (a caller elsewhere fails authentication, as"
                    + " with a deactivated key, from the next request on, on every server of the store), or lets it be"
                    + " used from anywhere again.")
    void restrict(
            @Mixin AccountOption account,
            @Parameters(paramLabel = "<key>", description = KEY) KeyRef key,
            @ArgGroup(multiplicity = "1") Networks networks) {
        AllowedNetworks allowed = networks.anywhere ? AllowedNetworks.ANYWHERE : AllowedNetworks.parse(networks.ranges);
        AppKey changed = cli.use(SetAppKeyNetworksUseCase.class).setAppKeyNetworks(cli.master(account), key, allowed);
        cli.output().show(Views.key(changed));
    }

    /** Where a key may be used from: the ranges given, or anywhere; exactly one of them. */
    static final class Networks {

        @Option(
                names = "--networks",
                required = true,
                paramLabel = "<ranges>",
                description =
                        "CIDR ranges or addresses, separated by commas: 203.0.113.0/24,2001:db8::/32 (at" + " most 50)")
        String ranges;

        @Option(names = "--anywhere", required = true, description = "lifts the restriction")
        boolean anywhere;
    }

    @Command(
            name = "metadata",
            description = "Sets what the account says of an app key (owner, plan, environment; nothing secret), a JSON"
                    + " object of at most 4096 bytes that authz/check returns on request, or clears it.")
    void metadata(
            @Mixin AccountOption account,
            @Parameters(paramLabel = "<key>", description = KEY) KeyRef key,
            @ArgGroup(multiplicity = "1") Metadata metadata) {
        Optional<KeyMetadata> said = metadata.clear ? Optional.empty() : Optional.of(KeyMetadata.of(metadata.json));
        AppKey changed = cli.use(SetAppKeyMetadataUseCase.class).setAppKeyMetadata(cli.master(account), key, said);
        cli.output().show(Views.key(changed));
    }

    /** Only the active keys, or only the inactive ones. */
    static final class ActiveState {

        @Option(names = "--active", required = true, description = "only the active keys")
        boolean active;

        @Option(names = "--inactive", required = true, description = "only the inactive (deactivated) keys")
        boolean inactive;
    }

    /** A key's metadata: a JSON object, or none; exactly one of them. */
    static final class Metadata {

        @Option(
                names = "--set",
                required = true,
                paramLabel = "<json>",
                description = "a JSON object: '{\"owner\":\"billing\",\"plan\":\"gold\"}'")
        String json;

        @Option(names = "--clear", required = true, description = "removes the metadata")
        boolean clear;
    }

    @Command(
            name = "export",
            description = "Writes every app key of an account to standard output, as CSV (the default) or JSON, a page"
                    + " at a time: id, appKey, label, roles, createdIn, token age, expiresIn, lastUsedIn, isActive;"
                    + " never a token.")
    void export(
            @Mixin AccountOption account,
            @Option(
                            names = "--format",
                            defaultValue = "csv",
                            paramLabel = "<format>",
                            description = "csv or json (default: csv)")
                    String format) {
        ExportFormat chosen = ExportFormat.parse(format);
        cli.use(ExportAppKeysUseCase.class)
                .exportAppKeys(cli.master(account), chosen)
                .writeTo(cli.output().writer());
    }

    @Command(
            name = "list",
            description = "Lists the app keys of an account, oldest first, one page at a time, with each token's age"
                    + " (ok, due, overdue); never a token.")
    void list(
            @Mixin AccountOption account,
            @Mixin PageOptions pageOptions,
            @Option(
                            names = "--due",
                            description = "only the keys whose token is due or overdue for renewal, by the"
                                    + " account's cadence (see account settings)")
                    boolean due,
            @Option(
                            names = "--label",
                            paramLabel = "<text>",
                            description = "only the keys whose label contains this text, ignoring case")
                    KeyFilter labelled,
            @ArgGroup(multiplicity = "0..1") ActiveState state) {
        KeyFilter filter = (labelled == null ? KeyFilter.ALL : labelled).withDue(due);
        if (state != null) {
            filter = filter.withActive(state.active);
        }
        PageRequest request = pageOptions.request();
        Page<ListedAppKey> page = cli.use(ListAppKeysUseCase.class).listAppKeys(cli.master(account), request, filter);
        cli.output()
                .page(
                        page.items().stream().map(Views::listed).toList(),
                        page.next().map(Object::toString),
                        noneListed(filter),
                        "id",
                        "appKey",
                        "label",
                        "isActive",
                        "createdIn",
                        "lastUsedIn",
                        "expiresIn",
                        "expired",
                        "tokenAgeDays",
                        "tokenAgeStatus");
    }

    private static String noneListed(KeyFilter filter) {
        if (filter.equals(KeyFilter.ALL)) {
            return "No app keys.";
        }
        return filter.equals(KeyFilter.DUE) ? "No app keys are due for renewal." : "No app keys match.";
    }

    @Command(
            name = "show",
            description = "Shows one app key with its roles and its tokens: dates, age, and each token's last use"
                    + " during a renewal; never a token.")
    void show(@Mixin AccountOption account, @Parameters(paramLabel = "<key>", description = KEY) KeyRef key) {
        AppKeyDetails details = cli.use(GetAppKeyUseCase.class).getAppKey(cli.master(account), key);
        KeyUsage usage = cli.use(GetKeyUsageUseCase.class).keyUsage(cli.master(account), key, 1);
        cli.output()
                .show(Views.details(details)
                        .with("usesLast24Hours", usage.last24Hours())
                        .with("usesLast7Days", usage.last7Days()));
    }

    @Command(
            name = "usage",
            description = "Lists an app key's successful authentications per hour (UTC), newest hours last; hours"
                    + " without any use are left out. Counts reach the store a few seconds after the uses.")
    void usage(
            @Mixin AccountOption account,
            @Parameters(paramLabel = "<key>", description = KEY) KeyRef key,
            @Option(
                            names = "--hours",
                            paramLabel = "<n>",
                            defaultValue = "24",
                            description = "how many hours to list, the current one included: 1 to 2160 (default:"
                                    + " ${DEFAULT-VALUE})")
                    int hours) {
        KeyUsage usage = cli.use(GetKeyUsageUseCase.class).keyUsage(cli.master(account), key, hours);
        cli.output()
                .list(
                        usage.hours().stream()
                                .map(hour ->
                                        View.of().with("hour", hour.start()).with("uses", hour.uses()))
                                .toList(),
                        "No use in the last " + hours + (hours == 1 ? " hour." : " hours."),
                        "hour",
                        "uses");
    }

    @Command(
            name = "activate",
            description = "Lets an app key authenticate again, from the next request on, on every server of the store.")
    void activate(@Mixin AccountOption account, @Parameters(paramLabel = "<key>", description = KEY) KeyRef key) {
        AppKey changed = cli.use(SetAppKeyActiveUseCase.class).setAppKeyActive(cli.master(account), key, true);
        cli.output().show(Views.key(changed));
    }

    @Command(
            name = "deactivate",
            description = "Stops an app key from authenticating, from the next request on, on every server of the"
                    + " store.")
    void deactivate(@Mixin AccountOption account, @Parameters(paramLabel = "<key>", description = KEY) KeyRef key) {
        AppKey changed = cli.use(SetAppKeyActiveUseCase.class).setAppKeyActive(cli.master(account), key, false);
        cli.output().show(Views.key(changed));
    }

    @Command(
            name = "renew",
            description = "Starts a renewal: issues a new appToken, printed once; the old one"
                    + " keeps working until finish-renewal or its expiration.")
    void renew(@Mixin AccountOption account, @Parameters(paramLabel = "<key>", description = KEY) KeyRef key) {
        RenewedToken renewed = cli.use(RenewAppTokenUseCase.class).renewAppToken(cli.master(account), key);
        cli.output().show(Views.renewed(renewed), SHOWN_ONCE);
    }

    @Command(name = "finish-renewal", description = "Ends a pending renewal: the old appToken stops working now.")
    void finishRenewal(@Mixin AccountOption account, @Parameters(paramLabel = "<key>", description = KEY) KeyRef key) {
        TokenStatus status = cli.use(FinishRenewalUseCase.class).finishRenewal(cli.master(account), key);
        cli.output()
                .done(
                        "Renewal finished: only the new appToken of " + status.appKey() + " works now.",
                        Views.tokens(status));
    }

    @Command(name = "cancel-renewal", description = "Drops a pending renewal: the new appToken stops working now.")
    void cancelRenewal(@Mixin AccountOption account, @Parameters(paramLabel = "<key>", description = KEY) KeyRef key) {
        TokenStatus status = cli.use(CancelRenewalUseCase.class).cancelRenewal(cli.master(account), key);
        cli.output()
                .done(
                        "Renewal cancelled: the new appToken of " + status.appKey() + " no longer works;"
                                + " the current one still does.",
                        Views.tokens(status));
    }

    @Command(name = "delete", description = "Deletes an app key; its tokens stop working at once.")
    void delete(@Mixin AccountOption account, @Parameters(paramLabel = "<key>", description = KEY) KeyRef key) {
        AppKey found = cli.use(DeleteAppKeyUseCase.class).deleteAppKey(cli.master(account), key);
        cli.output()
                .done(
                        "Deleted app key " + found.appKey() + " (" + found.id() + ").",
                        Views.key(found).with("deleted", true));
    }
}
