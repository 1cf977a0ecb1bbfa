package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.port.out.ResourceStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Resources per account. */
final class JdbiResources implements ResourceStore {

    private final Db db;

    JdbiResources(Db db) {
        this.db = db;
    }

    @Override
    public void insert(AccountName account, Resource resource) {
        try {
            db.use(h -> h.createUpdate("INSERT INTO resources (account, name, product, category)"
                            + " VALUES (:account, :name, :product, :category)")
                    .bind("account", account.value())
                    .bind("name", resource.name().value())
                    .bind("product", resource.product())
                    .bind("category", resource.category())
                    .execute());
        } catch (Db.Violation e) {
            throw new ConflictException("account " + account + " already has a resource " + resource.name());
        }
    }

    @Override
    public Optional<Resource> find(AccountName account, ResourceName name) {
        return db.with(h -> h.createQuery(
                        "SELECT name, product, category FROM resources" + " WHERE account = :account AND name = :name")
                .bind("account", account.value())
                .bind("name", name.value())
                .map((rs, ctx) -> resource(rs))
                .findOne());
    }

    @Override
    public List<Resource> list(AccountName account) {
        return db.with(h -> h.createQuery("SELECT name, product, category FROM resources WHERE account = :account"
                        + " ORDER BY product, name")
                .bind("account", account.value())
                .map((rs, ctx) -> resource(rs))
                .list());
    }

    private static Resource resource(ResultSet rs) throws SQLException {
        return new Resource(new ResourceName(rs.getString("name")), rs.getString("product"), rs.getString("category"));
    }
}
