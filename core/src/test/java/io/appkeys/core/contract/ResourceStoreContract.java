package io.appkeys.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.appkeys.core.port.out.ResourceStore}. */
public abstract class ResourceStoreContract extends StorageContractSupport {

    @Test
    void insertedResources_areFound_andListedByProductThenName() {
        Account account = newAccount();
        Resource write = new Resource(new ResourceName("orders.write"), "Orders", "Orders API");
        Resource read = new Resource(new ResourceName("orders.read"), "Orders", "Orders API");
        Resource pay = new Resource(new ResourceName("pay"), "Billing", "Payments");
        storage.resources().insert(account.name(), write);
        storage.resources().insert(account.name(), read);
        storage.resources().insert(account.name(), pay);

        assertEquals(Optional.of(read), storage.resources().find(account.name(), read.name()));
        assertEquals(List.of(pay, read, write), storage.resources().list(account.name()));
    }

    @Test
    void sameNameTwiceInOneAccount_isConflict_butFineInAnother() {
        Account account = newAccount();
        Account other = newAccount();
        Resource read = new Resource(new ResourceName("orders.read"), "Orders", "Orders API");
        storage.resources().insert(account.name(), read);

        assertThrows(
                ConflictException.class,
                () -> storage.resources().insert(account.name(), new Resource(read.name(), "Other", "Other")));
        storage.resources().insert(other.name(), read);
        assertEquals(List.of(read), storage.resources().list(account.name()));
        assertEquals(Optional.empty(), storage.resources().find(account.name(), new ResourceName("missing")));
    }
}
