package io.appkeys.core.domain;

/**
 * A role a request names does not exist in the caller's account. Bad input where a body lists roles (VTEX
 * answers 400); an adapter whose user named the role directly may report it as not found.
 */
public final class UnknownRoleException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public UnknownRoleException(RoleId role, AccountName account) {
        super("role " + role + " does not exist in account " + account);
    }
}
