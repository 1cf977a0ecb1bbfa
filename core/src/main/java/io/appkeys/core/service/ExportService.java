package io.appkeys.core.service;

import io.appkeys.core.domain.AccessPolicy;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.ListedAppKey;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PrincipalId;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.TokenStatus;
import io.appkeys.core.port.in.ExportAppKeysUseCase;
import io.appkeys.core.port.in.ExportFormat;
import io.appkeys.core.port.out.AppKeyStore.StoredKey;
import io.appkeys.core.port.out.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Exports an account's keys a page at a time, with each page's roles in one read. */
public final class ExportService implements ExportAppKeysUseCase {

    /** Keys read, and held, at a time. */
    static final int PAGE = 500;

    private final Storage storage;
    private final Clock clock;
    private final AppKeysSettings settings;

    public ExportService(Storage storage, Clock clock, AppKeysSettings settings) {
        this.storage = storage;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Export exportAppKeys(Caller caller, ExportFormat format) {
        AccessPolicy.require(caller, AccessPolicy::mayViewKeys, "export app keys");
        return out -> write(caller.account(), format, out);
    }

    private long write(AccountName account, ExportFormat format, Writer out) {
        int months = storage.accounts().settings(account).renewEveryMonths();
        Map<RoleId, String> roleNames = roleNames(account);
        KeyExport export = KeyExport.of(format, out);
        long written = 0;
        try {
            export.begin();
            PageRequest request = PageRequest.first(PAGE);
            while (true) {
                Instant now = clock.instant();
                Page<StoredKey> page = storage.keys().list(account, request);
                Map<PrincipalId, Set<RoleId>> links = storage.roles()
                        .linksOf(
                                account,
                                page.items().stream()
                                        .map(stored -> stored.key().id())
                                        .toList());
                for (StoredKey stored : page.items()) {
                    Set<RoleId> roles = links.getOrDefault(stored.key().id(), Set.of());
                    if (!roleNames.keySet().containsAll(roles)) {
                        roleNames = roleNames(account); // a role made while exporting
                    }
                    TokenStatus tokens =
                            TokenStatus.of(stored.key(), stored.credentials(), now, settings.renewalPeriod(), months);
                    export.key(new ListedAppKey(stored.key(), tokens), names(roles, roleNames), written == 0);
                    written++;
                }
                if (page.next().isEmpty()) {
                    break;
                }
                request = request.next(page.next().get());
            }
            export.end();
            out.flush();
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("the export stopped after " + written + " keys: " + e.getMessage(), e);
        }
    }

    private Map<RoleId, String> roleNames(AccountName account) {
        Map<RoleId, String> names = new HashMap<>();
        for (Role role : storage.roles().list(account)) {
            names.put(role.id(), role.name().value());
        }
        return names;
    }

    private static List<String> names(Set<RoleId> roles, Map<RoleId, String> roleNames) {
        return roles.stream()
                .map(role -> roleNames.getOrDefault(role, "role " + role.value()))
                .sorted()
                .collect(Collectors.toList());
    }
}
