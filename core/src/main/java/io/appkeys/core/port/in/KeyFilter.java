package io.appkeys.core.port.in;

/** Which of an account's keys a list holds. */
public enum KeyFilter {
    /** Every key. */
    ALL,
    /** The keys whose current token is due or overdue for renewal. */
    DUE
}
