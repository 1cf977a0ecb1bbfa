package io.appkeys.core.port.in;

import io.appkeys.core.domain.AuthenticationResult;

/** Turns an appKey and an appToken, as received, into a principal or one uniform rejection. */
public interface AuthenticateUseCase {

    /** Both values may be null or anything at all; they are checked here. */
    AuthenticationResult authenticate(String appKey, String appToken);
}
