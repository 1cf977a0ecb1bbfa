package io.appkeys.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.appkeys.core.port.out.AccountStore;
import io.appkeys.core.port.out.AppKeyStore;
import io.appkeys.core.port.out.AuditLog;
import io.appkeys.core.port.out.ChangeFeed;
import io.appkeys.core.port.out.ResourceStore;
import io.appkeys.core.port.out.RoleStore;
import io.appkeys.core.port.out.SigningKeyStore;
import io.appkeys.core.port.out.Storage;
import io.appkeys.core.port.out.Transactions;
import io.appkeys.core.port.out.UserStore;
import java.util.Optional;
import java.util.function.Supplier;

/** Every store of core on one JDBI instance and one connection pool. */
final class JdbiStorage implements Storage {

    private final HikariDataSource pool;
    private final Db db;
    private final JdbiAccounts accounts;
    private final JdbiUsers users;
    private final JdbiKeys keys;
    private final JdbiRoles roles;
    private final JdbiResources resources;
    private final JdbiAudit audit;
    private final JdbiChanges changes;
    private final JdbiSigningKeys signingKeys;
    private final Optional<PostgresNotifications> notifications;

    JdbiStorage(HikariDataSource pool, Db db, Optional<PostgresNotifications> notifications) {
        this.pool = pool;
        this.db = db;
        this.accounts = new JdbiAccounts(db);
        this.users = new JdbiUsers(db);
        this.keys = new JdbiKeys(db);
        this.roles = new JdbiRoles(db);
        this.resources = new JdbiResources(db);
        this.audit = new JdbiAudit(db);
        this.notifications = notifications;
        this.changes = new JdbiChanges(db, notifications);
        this.signingKeys = new JdbiSigningKeys(db);
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public AppKeyStore keys() {
        return keys;
    }

    @Override
    public RoleStore roles() {
        return roles;
    }

    @Override
    public ResourceStore resources() {
        return resources;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public ChangeFeed changes() {
        return changes;
    }

    @Override
    public SigningKeyStore signingKeys() {
        return signingKeys;
    }

    @Override
    public Transactions transactions() {
        return new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return db.inTransaction(work);
            }
        };
    }

    /** The pool now; all zero once it is closed. */
    PoolStatistics poolStatistics() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null) {
            return new PoolStatistics(0, 0, 0, pool.getMaximumPoolSize());
        }
        return new PoolStatistics(
                bean.getActiveConnections(),
                bean.getIdleConnections(),
                bean.getThreadsAwaitingConnection(),
                pool.getMaximumPoolSize());
    }

    @Override
    public void close() {
        notifications.ifPresent(PostgresNotifications::close);
        pool.close();
    }
}
