package io.appkeys.core.domain;

import java.util.Objects;

/** Who asks for a change and from where (an address, {@code cli}, an app's name); the audit log keeps both. */
public record Caller(Principal principal, String origin) {

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Text.line(origin, "origin", 100);
    }

    /** The master user of {@code account}, acting from {@code origin}. */
    public static Caller master(Account account, String origin) {
        return new Caller(UserPrincipal.masterOf(account), origin);
    }

    public AccountName account() {
        return principal.account();
    }
}
