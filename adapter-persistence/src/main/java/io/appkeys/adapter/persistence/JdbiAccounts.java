package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.AccountStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Accounts, by name. */
final class JdbiAccounts implements AccountStore {

    private static final String COLUMNS = "name, id, master_user_id, master_email, created_in";

    private final Db db;

    JdbiAccounts(Db db) {
        this.db = db;
    }

    @Override
    public void insert(Account account) {
        try {
            db.use(h -> h.createUpdate(
                            "INSERT INTO accounts (" + COLUMNS + ") VALUES (:name, :id, :master, :email, :at)")
                    .bind("name", account.name().value())
                    .bind("id", account.id())
                    .bind("master", account.masterUserId().value())
                    .bind("email", account.masterEmail().value())
                    .bind("at", Rows.time(account.createdIn()))
                    .execute());
        } catch (Db.Violation e) {
            throw new ConflictException("account " + account.name() + " already exists");
        }
    }

    @Override
    public Optional<Account> find(AccountName name) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE name = :name")
                .bind("name", name.value())
                .map((rs, ctx) -> account(rs))
                .findOne());
    }

    @Override
    public List<Account> list() {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts ORDER BY name")
                .map((rs, ctx) -> account(rs))
                .list());
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(
                Rows.uuid(rs, "id"),
                new AccountName(rs.getString("name")),
                new UserId(Rows.uuid(rs, "master_user_id")),
                new Email(rs.getString("master_email")),
                Rows.instant(rs, "created_in"));
    }
}
