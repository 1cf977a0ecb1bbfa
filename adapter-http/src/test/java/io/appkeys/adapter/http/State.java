package io.appkeys.adapter.http;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyDetails;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.User;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Everything an account holds that a request could change, read through core: its keys (state, tokens, roles;
 * not their last use, which authentication moves), its users and their roles, and the length of its audit log.
 * Two equal states show that the requests between them changed nothing.
 */
record State(List<String> keys, List<String> users, long auditRows) {

    static State of(Tenant tenant) {
        List<String> keys = all(page -> tenant.appKeys.listAppKeys(tenant.master, page)).stream()
                .map(key -> describe(tenant.appKeys.getAppKey(tenant.master, KeyRef.of(key.id())))).toList();
        List<String> users = all(page -> tenant.appKeys.listUsers(tenant.master, page)).stream()
                .map(user -> user.id() + " " + user.email() + " " + user.name() + " roles "
                        + roleIds(tenant.appKeys.rolesOf(tenant.master, new PrincipalRef.ById(user.id().value()))))
                .toList();
        long auditRows = all(page -> tenant.appKeys.readAuditLog(tenant.master, page)).size();
        return new State(keys, users, auditRows);
    }

    private static String describe(AppKeyDetails details) {
        AppKey key = details.key();
        return key.appKey() + " " + key.label() + " active=" + key.active() + " " + details.tokens() + " roles "
                + roleIds(details.roles());
    }

    private static List<Integer> roleIds(List<Role> roles) {
        return roles.stream().map(role -> role.id().value()).toList();
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> lister) {
        List<T> items = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<T> page = lister.apply(request);
            items.addAll(page.items());
            if (page.next().isEmpty()) {
                return items;
            }
            request = request.next(page.next().get());
        }
    }
}
