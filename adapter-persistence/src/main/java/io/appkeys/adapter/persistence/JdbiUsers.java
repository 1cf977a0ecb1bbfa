package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.UserStore;
import java.util.Optional;

/** Users; email unique per account by constraint. */
final class JdbiUsers implements UserStore {

    private static final String COLUMNS = "id, account, email, name, created_in";

    private final Db db;

    JdbiUsers(Db db) {
        this.db = db;
    }

    @Override
    public void insert(User user) {
        try {
            db.use(h -> h.createUpdate("INSERT INTO users (" + COLUMNS + ") VALUES (:id, :account, :email, :name, :at)")
                    .bind("id", user.id().value())
                    .bind("account", user.account().value())
                    .bind("email", user.email().value())
                    .bind("name", user.name().map(Object::toString).orElse(null))
                    .bind("at", Rows.time(user.createdIn()))
                    .execute());
        } catch (Db.Violation e) {
            throw new ConflictException("account " + user.account() + " already has a user " + user.email());
        }
    }

    @Override
    public Optional<User> find(AccountName account, UserId id) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id AND account = :account")
                .bind("id", id.value())
                .bind("account", account.value())
                .map((rs, ctx) -> Rows.user(rs))
                .findOne());
    }

    @Override
    public Optional<User> findByEmail(AccountName account, Email email) {
        return db.with(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE account = :account AND email = :email")
                        .bind("account", account.value())
                        .bind("email", email.value())
                        .map((rs, ctx) -> Rows.user(rs))
                        .findOne());
    }

    @Override
    public Page<User> list(AccountName account, PageRequest page) {
        return Keyset.page(
                db,
                "users",
                COLUMNS,
                account,
                page,
                Rows::user,
                user -> user.createdIn(),
                user -> user.id().value());
    }

    @Override
    public long count(AccountName account) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM users WHERE account = :account")
                .bind("account", account.value())
                .mapTo(Long.class)
                .one());
    }

    @Override
    public boolean delete(AccountName account, UserId id) {
        return db.with(h -> h.createUpdate("DELETE FROM users WHERE id = :id AND account = :account")
                        .bind("id", id.value())
                        .bind("account", account.value())
                        .execute())
                > 0;
    }
}
