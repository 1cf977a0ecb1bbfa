package io.appkeys.core.contract;

import org.junit.jupiter.api.Nested;

/**
 * Every storage contract, as nested suites. A store's test class extends this and registers the
 * {@link StorageUnderTest} that opens its storage: the suites inherit both.
 */
public abstract class StorageContracts {

    @Nested
    class Accounts extends AccountStoreContract {}

    @Nested
    class Users extends UserStoreContract {}

    @Nested
    class AppKeys extends AppKeyStoreContract {}

    @Nested
    class Roles extends RoleStoreContract {}

    @Nested
    class Resources extends ResourceStoreContract {}

    @Nested
    class Audit extends AuditLogContract {}

    @Nested
    class Transactions extends TransactionsContract {}

    @Nested
    class Changes extends ChangeFeedContract {}

    @Nested
    class SigningKeys extends SigningKeyStoreContract {}
}
