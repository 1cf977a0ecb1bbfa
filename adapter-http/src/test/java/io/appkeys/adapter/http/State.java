package io.appkeys.adapter.http;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyDetails;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.TokenStatus;
import java.util.List;

/**
 * Everything an account holds that a request could change, read through core: its keys (state, tokens, roles;
 * not their last use, which authentication moves), its users and their roles, and the length of its audit log.
 * Two equal states show that the requests between them changed nothing.
 */
record State(List<String> keys, List<String> users, long auditRows) {

    static State of(Tenant tenant) {
        List<String> keys = Pages.all(page -> tenant.appKeys.listAppKeys(tenant.master, page)).stream()
                .map(key -> describe(tenant.appKeys.getAppKey(tenant.master, KeyRef.of(key.id()))))
                .toList();
        List<String> users = Pages.all(page -> tenant.appKeys.listUsers(tenant.master, page)).stream()
                .map(user -> user.id() + " " + user.email() + " " + user.name() + " roles "
                        + roleIds(tenant.appKeys.rolesOf(
                                tenant.master, new PrincipalRef.ById(user.id().value()))))
                .toList();
        long auditRows = Pages.all(page -> tenant.appKeys.readAuditLog(tenant.master, page))
                .size();
        return new State(keys, users, auditRows);
    }

    private static String describe(AppKeyDetails details) {
        AppKey key = details.key();
        TokenStatus tokens = details.tokens(); // what a request can change of them: not their age nor last use
        return key.appKey() + " " + key.label() + " active=" + key.active() + " expires=" + key.expiresIn()
                + " networks=" + key.networks() + " metadata=" + key.metadata() + " token=" + tokens.tokenCreatedIn()
                + " new=" + tokens.newTokenCreatedIn() + " ends=" + tokens.tokenExpiresIn() + " roles "
                + roleIds(details.roles());
    }

    private static List<Integer> roleIds(List<Role> roles) {
        return roles.stream().map(role -> role.id().value()).toList();
    }
}
