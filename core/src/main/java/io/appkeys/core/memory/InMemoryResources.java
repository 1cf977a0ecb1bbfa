package io.appkeys.core.memory;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.port.out.ResourceStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resources per account, in memory. */
final class InMemoryResources implements ResourceStore {

    private final MemoryTransactions memory;
    private final Map<AccountName, Map<ResourceName, Resource>> resources = new HashMap<>();

    InMemoryResources(MemoryTransactions memory) {
        this.memory = memory;
    }

    @Override
    public void insert(AccountName account, Resource resource) {
        memory.locked(() -> {
            Map<ResourceName, Resource> ofAccount = resources.computeIfAbsent(account, a -> new HashMap<>());
            if (ofAccount.putIfAbsent(resource.name(), resource) != null) {
                throw new ConflictException("account " + account + " already has a resource " + resource.name());
            }
            memory.onRollback(() -> ofAccount.remove(resource.name()));
            return null;
        });
    }

    @Override
    public Optional<Resource> find(AccountName account, ResourceName name) {
        return memory.locked(() ->
                Optional.ofNullable(resources.getOrDefault(account, Map.of()).get(name)));
    }

    @Override
    public List<Resource> list(AccountName account) {
        return memory.locked(() -> resources.getOrDefault(account, Map.of()).values().stream()
                .sorted(Comparator.comparing(Resource::product)
                        .thenComparing(r -> r.name().value()))
                .toList());
    }
}
