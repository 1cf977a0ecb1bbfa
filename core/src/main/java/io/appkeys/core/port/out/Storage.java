package io.appkeys.core.port.out;

/** Everything core keeps, from one storage adapter, with the transactions that span its stores. */
public interface Storage extends AutoCloseable {

    AccountStore accounts();

    UserStore users();

    AppKeyStore keys();

    RoleStore roles();

    ResourceStore resources();

    AuditLog audit();

    /** The changes other processes sharing the store must apply to what they remember. */
    ChangeFeed changes();

    /** The keys that sign tokens, their private halves sealed. */
    SigningKeyStore signingKeys();

    Transactions transactions();

    /** Releases connections and files; the default holds none. */
    @Override
    default void close() {}
}
