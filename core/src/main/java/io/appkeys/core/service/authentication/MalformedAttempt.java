package io.appkeys.core.service.authentication;

import io.appkeys.core.port.in.Attempt;

/** An attempt whose appKey or token is not even of the right shape: refused without any lookup. */
record MalformedAttempt(String source, long startedMillis, Tally tally) implements Attempt {}
