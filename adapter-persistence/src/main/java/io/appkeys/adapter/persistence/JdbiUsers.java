package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.ListedUser;
import io.appkeys.core.domain.NumberedPage;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.domain.UserListing;
import io.appkeys.core.port.out.UserStore;
import java.util.List;
import java.util.Objects;
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
    public UserListing page(AccountName account, NumberedPage page) {
        // one row per user of the page, or one row of nulls when the page is empty: the count comes either way
        List<PagedRow> rows = db.with(h -> h.createQuery("SELECT t.total, u.id, u.account, u.email, u.name,"
                        + " u.created_in, u.id = a.master_user_id AS master"
                        + " FROM (SELECT COUNT(*) AS total FROM users WHERE account = :account) t"
                        + " LEFT JOIN (SELECT " + COLUMNS + " FROM users WHERE account = :account"
                        + " ORDER BY account, created_in, id LIMIT :limit OFFSET :offset) u ON 1 = 1" // index order
                        // (see Keyset)
                        + " LEFT JOIN accounts a ON a.name = u.account"
                        + " ORDER BY u.created_in, u.id")
                .bind("account", account.value())
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map((rs, ctx) -> new PagedRow(
                        rs.getLong("total"),
                        rs.getString("id") == null ? null : new ListedUser(Rows.user(rs), rs.getBoolean("master"))))
                .list());
        return new UserListing(
                rows.stream().map(PagedRow::user).filter(Objects::nonNull).toList(),
                rows.get(0).total());
    }

    @Override
    public boolean delete(AccountName account, UserId id) {
        return db.with(h -> h.createUpdate("DELETE FROM users WHERE id = :id AND account = :account")
                        .bind("id", id.value())
                        .bind("account", account.value())
                        .execute())
                > 0;
    }

    private record PagedRow(long total, ListedUser user) {}
}
