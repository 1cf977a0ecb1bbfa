package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.NewRole;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.PrincipalId;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.domain.RoleWithProducts;
import io.appkeys.core.port.out.RoleStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Roles, their resources and their links to principals; a role's rows are read with one join. */
final class JdbiRoles implements RoleStore {

    private static final String ROLE_WITH_RESOURCES = "SELECT r.id, r.account, r.name, r.predefined, rr.resource,"
            + " res.product FROM roles r LEFT JOIN role_resources rr ON rr.role_id = r.id"
            + " LEFT JOIN resources res ON res.account = rr.account AND res.name = rr.resource";

    private final Db db;

    JdbiRoles(Db db) {
        this.db = db;
    }

    @Override
    public Role create(NewRole role) {
        try {
            return db.inTransaction(() -> db.with(h -> {
                int id = h.createUpdate("INSERT INTO roles (account, name, predefined) VALUES (:account, :name,"
                                + " :predefined)")
                        .bind("account", role.account().value())
                        .bind("name", role.name().value())
                        .bind("predefined", role.predefined())
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Integer.class)
                        .one();
                insertResources(h, role.account(), id, role.resources());
                return new Role(new RoleId(id), role.account(), role.name(), role.resources(), role.predefined());
            }));
        } catch (Db.Violation e) {
            if (e.kind() == Db.Violation.Kind.FOREIGN_KEY) {
                throw new InvalidInputException(
                        "a resource of role " + role.name() + " does not exist in account " + role.account());
            }
            throw new ConflictException("account " + role.account() + " already has a role " + role.name());
        }
    }

    private static void insertResources(Handle h, AccountName account, int roleId, Set<ResourceName> resources) {
        if (resources.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch(
                "INSERT INTO role_resources (account, role_id, resource)" + " VALUES (:account, :role, :resource)");
        resources.forEach(resource -> batch.bind("account", account.value())
                .bind("role", roleId)
                .bind("resource", resource.value())
                .add());
        batch.execute();
    }

    @Override
    public Optional<Role> find(AccountName account, RoleId id) {
        return withoutProducts(roles(
                        ROLE_WITH_RESOURCES + " WHERE r.account = :account AND r.id = :id",
                        account,
                        Map.of("id", id.value())))
                .stream()
                .findFirst();
    }

    @Override
    public List<Role> list(AccountName account) {
        return withoutProducts(listWithProducts(account));
    }

    @Override
    public List<RoleWithProducts> listWithProducts(AccountName account) {
        return roles(ROLE_WITH_RESOURCES + " WHERE r.account = :account", account, Map.of());
    }

    @Override
    public boolean link(AccountName account, PrincipalId principal, RoleId role) {
        return db.inTransaction(() -> {
            if (find(account, role).isEmpty()) {
                throw new NotFoundException("role " + role + " not found in account " + account);
            }
            return db.with(h -> h.createUpdate("INSERT INTO role_links (account, principal_id, role_id)"
                                    + " VALUES (:account, :principal, :role) ON CONFLICT DO NOTHING")
                            .bind("account", account.value())
                            .bind("principal", principal.value())
                            .bind("role", role.value())
                            .execute())
                    > 0;
        });
    }

    @Override
    public boolean unlink(AccountName account, PrincipalId principal, RoleId role) {
        return db.with(h -> h.createUpdate("DELETE FROM role_links WHERE account = :account"
                                + " AND principal_id = :principal AND role_id = :role")
                        .bind("account", account.value())
                        .bind("principal", principal.value())
                        .bind("role", role.value())
                        .execute())
                > 0;
    }

    @Override
    public void unlinkAll(AccountName account, PrincipalId principal) {
        // every account's links: a key may hold roles that other accounts granted it
        db.use(h -> h.createUpdate("DELETE FROM role_links WHERE principal_id = :principal")
                .bind("principal", principal.value())
                .execute());
    }

    @Override
    public List<Role> rolesOf(AccountName account, PrincipalId principal) {
        return withoutProducts(roles(
                ROLE_WITH_RESOURCES + " JOIN role_links l ON l.role_id = r.id"
                        + " WHERE r.account = :account AND l.principal_id = :principal",
                account,
                Map.of("principal", principal.value())));
    }

    @Override
    public Map<PrincipalId, Set<RoleId>> linksOf(AccountName account, Collection<? extends PrincipalId> principals) {
        Map<PrincipalId, Set<RoleId>> found = new HashMap<>();
        if (principals.isEmpty()) {
            return found;
        }
        Map<UUID, PrincipalId> byValue = new HashMap<>();
        principals.forEach(principal -> byValue.put(principal.value(), principal));
        db.use(h -> h.createQuery("SELECT principal_id, role_id FROM role_links WHERE account = :account"
                        + " AND principal_id IN (<principals>)")
                .bind("account", account.value())
                .bindList("principals", List.copyOf(byValue.keySet()))
                .map((rs, ctx) -> Map.entry(Rows.uuid(rs, "principal_id"), new RoleId(rs.getInt("role_id"))))
                .forEach(link -> found.computeIfAbsent(byValue.get(link.getKey()), principal -> new HashSet<>())
                        .add(link.getValue())));
        return found;
    }

    @Override
    public Set<ResourceName> resourcesOf(AccountName account, PrincipalId principal) {
        return db.with(h -> h.createQuery("SELECT DISTINCT rr.resource FROM role_links l"
                        + " JOIN role_resources rr ON rr.role_id = l.role_id"
                        + " WHERE l.account = :account AND l.principal_id = :principal")
                .bind("account", account.value())
                .bind("principal", principal.value())
                .map((rs, ctx) -> new ResourceName(rs.getString("resource")))
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** Runs a roles-with-resources query and folds its rows into roles with their products, ordered by id. */
    private List<RoleWithProducts> roles(String sql, AccountName account, Map<String, Object> binds) {
        List<RoleRow> rows = db.with(h -> h.createQuery(sql + " ORDER BY r.id")
                .bind("account", account.value())
                .bindMap(binds)
                .map((rs, ctx) -> new RoleRow(
                        rs.getInt("id"),
                        rs.getString("name"),
                        rs.getBoolean("predefined"),
                        rs.getString("resource"),
                        rs.getString("product")))
                .list());
        Map<Integer, List<RoleRow>> byId = new LinkedHashMap<>();
        rows.forEach(
                row -> byId.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        List<RoleWithProducts> roles = new ArrayList<>();
        byId.forEach((id, ofRole) -> {
            Set<ResourceName> resources = new HashSet<>();
            Set<String> products = new HashSet<>();
            for (RoleRow row : ofRole) {
                Optional.ofNullable(row.resource()).map(ResourceName::new).ifPresent(resources::add);
                Optional.ofNullable(row.product()).ifPresent(products::add);
            }
            RoleRow first = ofRole.get(0);
            Role role = new Role(new RoleId(id), account, new RoleName(first.name()), resources, first.predefined());
            roles.add(RoleWithProducts.of(role, products));
        });
        return roles;
    }

    private static List<Role> withoutProducts(List<RoleWithProducts> roles) {
        return roles.stream().map(RoleWithProducts::role).toList();
    }

    private record RoleRow(int id, String name, boolean predefined, String resource, String product) {}
}
