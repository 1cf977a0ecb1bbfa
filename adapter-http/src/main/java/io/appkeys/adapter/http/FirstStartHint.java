package io.appkeys.adapter.http;

import io.appkeys.core.domain.StoreUnavailableException;
import io.appkeys.core.port.in.ListAccountsUseCase;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** On a start over an empty store, tells the operator how to make the first account and key with the CLI. */
@Singleton
final class FirstStartHint implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStartHint.class);

    private final ListAccountsUseCase accounts;

    FirstStartHint(ListAccountsUseCase accounts) {
        this.accounts = accounts;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        try {
            if (accounts.listAccounts().isEmpty()) {
                LOG.info("""
                        The store has no account yet. Create one and its first key with the CLI:
                            ./appkeys account create <name> --master-email <email>
                            ./appkeys key create --account <name> --label <label>
                        The appToken is printed once. A key without roles may do nothing; give it a role:
                            ./appkeys role list --account <name>
                            ./appkeys role grant <roleId> --to <appKey> --account <name>""");
            }
        } catch (StoreUnavailableException e) {
            LOG.warn("could not read the accounts at start: {}", e.getMessage());
        }
    }
}
