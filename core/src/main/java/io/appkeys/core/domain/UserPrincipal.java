package io.appkeys.core.domain;

import java.util.Objects;
import java.util.Set;

/** A user acting on its account; {@code master} marks the account's master user. */
public record UserPrincipal(UserId id, AccountName account, Email email, boolean master, Set<ResourceName> resources)
        implements Principal {

    public UserPrincipal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        resources = Set.copyOf(resources);
    }

    /** The master user of {@code account}. */
    public static UserPrincipal masterOf(Account account) {
        return new UserPrincipal(account.masterUserId(), account.name(), account.masterEmail(), true, Set.of());
    }

    @Override
    public boolean isMaster() {
        return master;
    }

    @Override
    public String describe() {
        return "user:" + email;
    }
}
