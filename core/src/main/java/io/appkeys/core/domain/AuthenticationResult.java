package io.appkeys.core.domain;

import java.time.Duration;
import java.util.Objects;

/** The outcome of presenting an appKey and an appToken. */
public sealed interface AuthenticationResult {

    /** The pair is valid: the key, its account and its resources. */
    record Authenticated(KeyPrincipal principal) implements AuthenticationResult {
        public Authenticated {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /**
     * The pair is not valid. Every cause looks the same to the caller, in what it says and in when it says
     * it: answer no sooner than {@code holdFor} from now, which brings every refusal to the same time after
     * its check began. {@code reason} is for metrics and logs only and must never reach a response.
     */
    record Rejected(RejectionReason reason, Duration holdFor) implements AuthenticationResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(holdFor, "holdFor");
        }
    }

    /** Too many recent failures for this appKey: try again after {@code retryAfter}, no token was checked. */
    record Throttled(Duration retryAfter) implements AuthenticationResult {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** Too much hashing work is waiting already: try again after {@code retryAfter}, no token was checked. */
    record Overloaded(Duration retryAfter) implements AuthenticationResult {
        public Overloaded {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
