package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.AccountStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            db.use(h -> h.createUpdate("INSERT INTO account_settings (account) VALUES (:name)")
                    .bind("name", account.name().value())
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

    @Override
    public AccountSettings settings(AccountName name) {
        return settings(name, "");
    }

    @Override
    public AccountSettings settingsForChange(AccountName name) {
        return settings(name, " FOR UPDATE"); // the row stays locked until the transaction ends
    }

    private AccountSettings settings(AccountName name, String lock) {
        return db.with(h -> h.createQuery("SELECT max_key_lifetime_seconds, renew_every_months,"
                                + " auto_finish_after_seconds FROM account_settings WHERE account = :name" + lock)
                        .bind("name", name.value())
                        .map((rs, ctx) -> new AccountSettings(
                                seconds(rs, "max_key_lifetime_seconds"),
                                rs.getInt("renew_every_months"),
                                seconds(rs, "auto_finish_after_seconds")))
                        .findOne())
                .orElse(AccountSettings.DEFAULTS);
    }

    @Override
    public boolean saveSettings(AccountName name, AccountSettings settings) {
        return db.inTransaction(() -> {
            if (find(name).isEmpty()) {
                throw new NotFoundException("account " + name + " not found");
            }
            if (settings(name).equals(settings)) {
                return false;
            }
            int updated = db.with(h -> h.createUpdate("UPDATE account_settings SET max_key_lifetime_seconds ="
                            + " :lifetime, renew_every_months = :months, auto_finish_after_seconds = :autoFinish"
                            + " WHERE account = :name")
                    .bindMap(settingsRow(name, settings))
                    .execute());
            if (updated == 0) { // an account made before its settings had rows of their own
                db.use(h -> h.createUpdate("INSERT INTO account_settings (account, max_key_lifetime_seconds,"
                                + " renew_every_months, auto_finish_after_seconds) VALUES (:name, :lifetime, :months,"
                                + " :autoFinish)")
                        .bindMap(settingsRow(name, settings))
                        .execute());
            }
            return true;
        });
    }

    private static Map<String, Object> settingsRow(AccountName name, AccountSettings settings) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", name.value());
        row.put("lifetime", settings.maxKeyLifetime().map(Duration::getSeconds).orElse(null));
        row.put("months", settings.renewEveryMonths());
        row.put(
                "autoFinish",
                settings.autoFinishAfter().map(Duration::getSeconds).orElse(null));
        return row;
    }

    private static Optional<Duration> seconds(ResultSet rs, String column) throws SQLException {
        long seconds = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
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
