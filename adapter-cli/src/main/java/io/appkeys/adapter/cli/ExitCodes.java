package io.appkeys.adapter.cli;

import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.StoreUnavailableException;
import io.appkeys.core.domain.UnknownRoleException;

/** The exit codes of {@code appkeys}, as listed in its help and in docs/cli.md. */
final class ExitCodes {

    static final int OK = 0;
    static final int SOFTWARE = 1;
    static final int USAGE = 2;
    static final int NOT_FOUND = 3;
    static final int CONFLICT = 4;
    /** The pair did not authenticate ({@code auth check}), as HTTP answers 401. */
    static final int NOT_AUTHENTICATED = 5;

    static final int STORE_UNAVAILABLE = 6;
    /** Authenticated, but not allowed: the resource is not granted, or another account's; as HTTP answers 403. */
    static final int FORBIDDEN = 7;

    private ExitCodes() {}

    /** The code for a failure of a command; anything unforeseen is a bug. */
    static int of(Throwable failure) {
        if (failure instanceof CliFailure cli) {
            return cli.exitCode();
        }
        if (failure instanceof UnknownRoleException) {
            return NOT_FOUND; // a role the command itself names, not one in a body: not found, like a key
        }
        if (failure instanceof InvalidInputException) {
            return USAGE;
        }
        if (failure instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (failure instanceof ConflictException) {
            return CONFLICT;
        }
        if (failure instanceof ForbiddenException) {
            return FORBIDDEN;
        }
        if (failure instanceof StoreUnavailableException) {
            return STORE_UNAVAILABLE;
        }
        return SOFTWARE;
    }
}
