package io.appkeys.adapter.http;

import io.appkeys.core.domain.AuthenticationResult;

/**
 * A request whose key pair did not authenticate. It carries core's result so the handler can tell a rejection
 * (401) from a throttled appKey (429) or too much hashing work (503); its message never names a cause.
 */
final class NotAuthenticatedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient AuthenticationResult result;

    NotAuthenticatedException(AuthenticationResult result) {
        super("not authenticated", null, false, false);
        this.result = result;
    }

    AuthenticationResult result() {
        return result;
    }
}
