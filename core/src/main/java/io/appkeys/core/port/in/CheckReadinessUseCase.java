package io.appkeys.core.port.in;

/**
 * Whether this instance can serve now: its store answers. What a load balancer asks before it sends requests, as
 * opposed to whether the process lives.
 */
public interface CheckReadinessUseCase {

    /** Whether one read of the store succeeds now; false, never an exception, when it cannot be reached. */
    boolean ready();
}
