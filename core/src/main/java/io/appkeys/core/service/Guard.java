package io.appkeys.core.service;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.Principal;
import java.util.function.Predicate;

/** Turns a "no" of the access policy into the exception that adapters map to 403. */
final class Guard {

    private Guard() {}

    static void require(Caller caller, Predicate<Principal> policy, String action) {
        if (!policy.test(caller.principal())) {
            throw new ForbiddenException(caller.principal().describe() + " may not " + action);
        }
    }
}
