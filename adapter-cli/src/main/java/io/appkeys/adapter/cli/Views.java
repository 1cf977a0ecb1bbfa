package io.appkeys.adapter.cli;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyDetails;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Durations;
import io.appkeys.core.domain.ListedAppKey;
import io.appkeys.core.domain.PersonName;
import io.appkeys.core.domain.RenewedToken;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.TokenStatus;
import io.appkeys.core.domain.User;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * How each kind of thing is shown, once for tables and JSON alike. Field names follow VTEX's JSON where it has
 * one ({@code appKey}, {@code createdIn}, {@code isActive}). Only {@link #created} and {@link #renewed} carry a
 * token: they are shown once, right after the token was made.
 */
final class Views {

    private Views() {}

    static View account(Account account) {
        return View.of()
                .with("id", account.id().toString())
                .with("name", account.name().value())
                .with("masterEmail", account.masterEmail().value())
                .with("masterUserId", account.masterUserId().toString())
                .with("createdIn", account.createdIn());
    }

    static View user(User user) {
        return View.of()
                .with("id", user.id().toString())
                .with("email", user.email().value())
                .with("name", user.name().map(PersonName::value).orElse(null))
                .with("createdIn", user.createdIn());
    }

    static View key(AppKey key) {
        return View.of()
                .with("id", key.id().toString())
                .with("appKey", key.appKey().value())
                .with("label", key.label().value())
                .with("createdIn", key.createdIn())
                .with("isActive", key.active())
                .with("lastUsedIn", key.lastUsedIn().orElse(null))
                .with("expiresIn", key.expiresIn().orElse(null))
                .with("expired", key.expiredAt(Instant.now()))
                .with("allowedNetworks", key.networks().written())
                .with("metadata", key.metadata().orElse(null));
    }

    static View created(CreatedAppKey created) {
        return key(created.key()).with("appToken", created.token().reveal());
    }

    static View details(AppKeyDetails details) {
        View view = key(details.key());
        tokens(view, details.tokens());
        return view.with("roles", roleNames(details.roles()));
    }

    static View renewed(RenewedToken renewed) {
        View view = View.of()
                .with("id", renewed.key().id().toString())
                .with("appKey", renewed.key().appKey().value());
        tokens(view, renewed.status());
        return view.with("appToken", renewed.newToken().reveal());
    }

    static View tokens(TokenStatus status) {
        View view = View.of()
                .with("id", status.id().toString())
                .with("appKey", status.appKey().value());
        tokens(view, status);
        return view;
    }

    /** A key in a list: the key, and its current token's date, age in whole days and age status. */
    static View listed(ListedAppKey listed) {
        return key(listed.key())
                .with("tokenCreatedIn", listed.tokens().tokenCreatedIn())
                .with("tokenAgeDays", listed.tokens().tokenAge().toDays())
                .with("tokenAgeStatus", listed.tokens().tokenAgeStatus().label());
    }

    static View settings(AccountSettings settings) {
        return View.of()
                .with(
                        "maxKeyLifetime",
                        settings.maxKeyLifetime().map(Durations::format).orElse(null))
                .with("renewTokensEveryMonths", settings.renewEveryMonths())
                .with(
                        "autoFinishRenewalsAfter",
                        settings.autoFinishAfter().map(Durations::format).orElse(null));
    }

    private static void tokens(View view, TokenStatus status) {
        view.with("tokenCreatedIn", status.tokenCreatedIn())
                .with("tokenAgeDays", status.tokenAge().toDays())
                .with("tokenAgeStatus", status.tokenAgeStatus().label())
                .with("tokenLastUsedIn", status.tokenLastUsedIn().orElse(null))
                .with("newTokenCreatedIn", status.newTokenCreatedIn().orElse(null))
                .with("newTokenLastUsedIn", status.newTokenLastUsedIn().orElse(null))
                .with("tokenExpiresIn", status.tokenExpiresIn().orElse(null));
    }

    static View role(Role role) {
        return View.of()
                .with("id", role.id().value())
                .with("name", role.name().value())
                .with("predefined", role.predefined())
                .with(
                        "resources",
                        role.resources().stream()
                                .map(ResourceName::value)
                                .sorted()
                                .toList());
    }

    static View roleName(Role role) {
        return View.of().with("id", role.id().value()).with("name", role.name().value());
    }

    static View resource(Resource resource) {
        return View.of()
                .with("name", resource.name().value())
                .with("product", resource.product())
                .with("category", resource.category());
    }

    static View audit(AuditEntry entry) {
        return View.of()
                .with("sequence", entry.sequence())
                .with("at", entry.event().at())
                .with("actor", entry.event().actor())
                .with("action", entry.event().action().name())
                .with("target", entry.event().target())
                .with("origin", entry.event().origin());
    }

    static List<View> roleNames(List<Role> roles) {
        return roles.stream()
                .sorted(Comparator.comparingInt(role -> role.id().value()))
                .map(Views::roleName)
                .toList();
    }
}
