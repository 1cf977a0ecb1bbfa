package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.DuplicateAppKeyException;
import io.appkeys.core.domain.IssuedToken;
import io.appkeys.core.domain.KeyCredentials;
import io.appkeys.core.domain.KeyMetadata;
import io.appkeys.core.domain.KeyUsage;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.domain.TokenSlot;
import io.appkeys.core.port.out.AppKeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Keys and their tokens, one row each. Renewals are conditional updates of that row, so concurrent
 * renewals of one key serialize on its row lock and exactly one finds no pending token.
 */
final class JdbiKeys implements AppKeyStore {

    private final Db db;

    JdbiKeys(Db db) {
        this.db = db;
    }

    @Override
    public void insert(AppKey key, IssuedToken token) {
        try {
            db.use(h -> h.createUpdate("INSERT INTO app_keys (" + Rows.KEY_COLUMNS + ") VALUES (:id, :account,"
                            + " :appKey, :label, :createdIn, :active, :lastUsedIn, :hash, :tokenCreatedIn, NULL, NULL,"
                            + " :expiresIn, :tokenLastUsedIn, NULL, NULL, :networks, :metadata)")
                    .bind("id", key.id().value())
                    .bind("account", key.account().value())
                    .bind("appKey", key.appKey().value())
                    .bind("label", key.label().value())
                    .bind("createdIn", Rows.time(key.createdIn()))
                    .bind("active", key.active())
                    .bind("lastUsedIn", Rows.time(key.lastUsedIn().orElse(null)))
                    .bind("hash", token.hash().value())
                    .bind("tokenCreatedIn", Rows.time(token.createdIn()))
                    .bind("expiresIn", Rows.time(key.expiresIn().orElse(null)))
                    .bind("tokenLastUsedIn", Rows.time(token.lastUsedIn().orElse(null)))
                    .bind("networks", networks(key.networks()))
                    .bind("metadata", key.metadata().map(KeyMetadata::json).orElse(null))
                    .execute());
        } catch (Db.Violation e) {
            if (e.names("app_keys_app_key_unique")) {
                throw new DuplicateAppKeyException(key.appKey());
            }
            throw new ConflictException("app key id " + key.id() + " already exists");
        }
    }

    @Override
    public Optional<AppKey> find(AccountName account, AppKeyId id) {
        return db.with(h -> h.createQuery(
                        "SELECT " + Rows.KEY_COLUMNS + " FROM app_keys WHERE id = :id" + " AND account = :account")
                .bind("id", id.value())
                .bind("account", account.value())
                .map((rs, ctx) -> Rows.key(rs))
                .findOne());
    }

    @Override
    public Optional<AppKey> findByAppKey(AppKeyName appKey) {
        return findWithCredentials(appKey).map(StoredKey::key);
    }

    @Override
    public Optional<StoredKey> findWithCredentials(AppKeyName appKey) {
        return db.with(h -> h.createQuery("SELECT " + Rows.KEY_COLUMNS + " FROM app_keys WHERE app_key = :appKey")
                .bind("appKey", appKey.value())
                .map((rs, ctx) -> Rows.storedKey(rs))
                .findOne());
    }

    @Override
    public Optional<KeyCredentials> credentials(AppKeyId id) {
        return db.with(h -> h.createQuery("SELECT " + Rows.KEY_COLUMNS + " FROM app_keys WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> Rows.credentials(rs))
                .findOne());
    }

    @Override
    public Page<StoredKey> list(AccountName account, PageRequest page, KeyQuery query) {
        // the conditions filter the account's range of its index, read in order until the page is full: no index
        // serves "label contains", and an account's keys are few enough to read them all (10,000 keys, none
        // matching: about 9 ms on H2, 8 to 19 ms on PostgreSQL, on a busy machine of 2 cores)
        Keyset.Condition where = query.due()
                .map(JdbiKeys::due)
                .orElse(Keyset.Condition.NONE)
                .and(query.labelContains().map(JdbiKeys::labelContains).orElse(Keyset.Condition.NONE))
                .and(query.active().map(JdbiKeys::active).orElse(Keyset.Condition.NONE));
        return Keyset.page(
                db,
                "app_keys",
                Rows.KEY_COLUMNS,
                account,
                where,
                page,
                Rows::storedKey,
                stored -> stored.key().createdIn(),
                stored -> stored.key().id().value());
    }

    /** {@link DueFilter#holds} in SQL: the token in force is the new one once its renewal has ended by itself. */
    private static Keyset.Condition due(DueFilter filter) {
        return new Keyset.Condition(
                "CASE WHEN new_token_created_in IS NOT NULL AND (new_token_created_in <= :renewalsEndedIfFrom"
                        + " OR auto_finish_in <= :now) THEN new_token_created_in ELSE token_created_in END"
                        + " <= :issuedBy",
                query -> query.bind(
                                "renewalsEndedIfFrom", Rows.time(filter.now().minus(filter.expirationPeriod())))
                        .bind("now", Rows.time(filter.now()))
                        // stored times have microseconds: the latest of those at or before the cut
                        .bind("issuedBy", Rows.time(filter.issuedBy().truncatedTo(ChronoUnit.MICROS))));
    }

    /** {@link KeyQuery#holds}'s label condition in SQL: every character of the part is taken literally. */
    private static Keyset.Condition labelContains(String part) {
        String literal = part.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return new Keyset.Condition(
                "label ILIKE :labelPattern ESCAPE '!'", query -> query.bind("labelPattern", "%" + literal + "%"));
    }

    private static Keyset.Condition active(boolean active) {
        return new Keyset.Condition("active = :active", query -> query.bind("active", active));
    }

    @Override
    public long count(AccountName account) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM app_keys WHERE account = :account")
                .bind("account", account.value())
                .mapTo(Long.class)
                .one());
    }

    @Override
    public boolean setActive(AppKeyId id, boolean active) {
        return update(
                "UPDATE app_keys SET active = :active WHERE id = :id AND active <> :active", id, "active", active);
    }

    @Override
    public boolean setExpiry(AppKeyId id, Optional<Instant> expiresIn) {
        if (expiresIn.isEmpty()) {
            return db.with(h -> h.createUpdate(
                                    "UPDATE app_keys SET expires_in = NULL WHERE id = :id AND expires_in IS NOT NULL")
                            .bind("id", id.value())
                            .execute())
                    > 0;
        }
        return db.with(h -> h.createUpdate("UPDATE app_keys SET expires_in = :at WHERE id = :id"
                                + " AND (expires_in IS NULL OR expires_in <> :at)")
                        .bind("at", Rows.time(expiresIn.get()))
                        .bind("id", id.value())
                        .execute())
                > 0;
    }

    @Override
    public boolean setNetworks(AppKeyId id, AllowedNetworks networks) {
        return changed(id, "allowed_networks", networks(networks));
    }

    @Override
    public boolean setMetadata(AppKeyId id, Optional<KeyMetadata> metadata) {
        return changed(id, "metadata", metadata.map(KeyMetadata::json).orElse(null));
    }

    /** Sets a nullable text column when it holds something else; whether it did. */
    private boolean changed(AppKeyId id, String column, String value) {
        String unchanged =
                value == null ? column + " IS NOT NULL" : "(" + column + " IS NULL OR " + column + " <> :value)";
        return db.with(h -> h.createUpdate(
                                "UPDATE app_keys SET " + column + " = :value WHERE id = :id AND " + unchanged)
                        .bind("value", value)
                        .bind("id", id.value())
                        .execute())
                > 0;
    }

    private static String networks(AllowedNetworks networks) {
        return networks.anywhere() ? null : networks.toString();
    }

    @Override
    public boolean delete(AppKeyId id) {
        return db.with(h -> h.createUpdate("DELETE FROM app_keys WHERE id = :id")
                        .bind("id", id.value())
                        .execute())
                > 0;
    }

    @Override
    public void startRenewal(AppKeyId id, IssuedToken newToken, Optional<Instant> autoFinishIn) {
        boolean started = db.inTransaction(() -> {
            int changed = db.with(h -> h.createUpdate("UPDATE app_keys SET new_token_hash = :hash,"
                            + " new_token_created_in = :at, new_token_last_used_in = :lastUsedIn,"
                            + " auto_finish_in = :autoFinishIn WHERE id = :id AND new_token_hash IS NULL")
                    .bind("hash", newToken.hash().value())
                    .bind("at", Rows.time(newToken.createdIn()))
                    .bind("lastUsedIn", Rows.time(newToken.lastUsedIn().orElse(null)))
                    .bind("autoFinishIn", Rows.time(autoFinishIn.orElse(null)))
                    .bind("id", id.value())
                    .execute());
            if (changed == 0 && credentials(id).isEmpty()) {
                throw new NotFoundException("app key " + id + " not found");
            }
            return changed > 0;
        });
        if (!started) {
            throw new ConflictException("a renewal is already pending for app key " + id);
        }
    }

    @Override
    public boolean finishRenewal(AppKeyId id) {
        return db.with(h -> h.createUpdate("UPDATE app_keys SET token_hash = new_token_hash,"
                                + " token_created_in = new_token_created_in, token_last_used_in = new_token_last_used_in,"
                                + " new_token_hash = NULL, new_token_created_in = NULL, new_token_last_used_in = NULL,"
                                + " auto_finish_in = NULL WHERE id = :id AND new_token_hash IS NOT NULL")
                        .bind("id", id.value())
                        .execute())
                > 0;
    }

    @Override
    public boolean cancelRenewal(AppKeyId id) {
        return db.with(h -> h.createUpdate("UPDATE app_keys SET new_token_hash = NULL, new_token_created_in = NULL,"
                                + " new_token_last_used_in = NULL, auto_finish_in = NULL"
                                + " WHERE id = :id AND new_token_hash IS NOT NULL")
                        .bind("id", id.value())
                        .execute())
                > 0;
    }

    @Override
    public boolean replaceHash(AppKeyId id, TokenSlot slot, TokenHash expected, TokenHash replacement) {
        String column = slot == TokenSlot.CURRENT ? "token_hash" : "new_token_hash";
        return db.with(h -> h.createUpdate("UPDATE app_keys SET " + column + " = :replacement WHERE id = :id" + " AND "
                                + column + " = :expected")
                        .bind("replacement", replacement.value())
                        .bind("expected", expected.value())
                        .bind("id", id.value())
                        .execute())
                > 0;
    }

    /**
     * Adds each count in one batch, in key and hour order (so two servers adding at once wait for each other rather
     * than deadlock); a key no longer stored selects no row, and is skipped.
     */
    @Override
    public void addUses(Map<HourOfUse, Long> added) {
        if (added.isEmpty()) {
            return;
        }
        String source = "SELECT id AS key_id, CAST(:hour AS TIMESTAMP WITH TIME ZONE) AS hour_start,"
                + " CAST(:uses AS BIGINT) AS uses FROM app_keys WHERE id = :id";
        String sql = db.postgres()
                ? "INSERT INTO key_usage (key_id, hour_start, uses) " + source
                        + " ON CONFLICT (key_id, hour_start) DO UPDATE SET uses = key_usage.uses + EXCLUDED.uses"
                : "MERGE INTO key_usage u USING (" + source + ") s"
                        + " ON u.key_id = s.key_id AND u.hour_start = s.hour_start"
                        + " WHEN MATCHED THEN UPDATE SET uses = u.uses + s.uses"
                        + " WHEN NOT MATCHED THEN INSERT (key_id, hour_start, uses)"
                        + " VALUES (s.key_id, s.hour_start, s.uses)";
        db.use(h -> {
            PreparedBatch batch = h.prepareBatch(sql);
            added.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<HourOfUse, Long> use) ->
                                    use.getKey().key().value())
                            .thenComparing(use -> use.getKey().start()))
                    .forEach(use -> batch.bind("id", use.getKey().key().value())
                            .bind("hour", Rows.time(use.getKey().start()))
                            .bind("uses", use.getValue())
                            .add());
            batch.execute();
        });
    }

    @Override
    public List<KeyUsage.Hour> uses(AppKeyId id, Instant from) {
        return db.with(h -> h.createQuery("SELECT hour_start, uses FROM key_usage"
                        + " WHERE key_id = :id AND hour_start >= :from ORDER BY hour_start")
                .bind("id", id.value())
                .bind("from", Rows.time(from))
                .map((rs, ctx) -> new KeyUsage.Hour(Rows.instant(rs, "hour_start"), rs.getLong("uses")))
                .list());
    }

    @Override
    public int forgetUsesBefore(Instant before) {
        return db.with(h -> h.createUpdate("DELETE FROM key_usage WHERE hour_start < :before")
                .bind("before", Rows.time(before))
                .execute());
    }

    @Override
    public void recordUse(Map<TokenUse, Instant> lastUsed) {
        if (lastUsed.isEmpty()) {
            return;
        }
        db.use(h -> {
            PreparedBatch batch = h.prepareBatch("UPDATE app_keys SET"
                    + " last_used_in = " + later("last_used_in", "TRUE") + ","
                    + " token_last_used_in = " + later("token_last_used_in", "token_created_in = :issuedIn") + ","
                    + " new_token_last_used_in = "
                    + later("new_token_last_used_in", "new_token_created_in = :issuedIn")
                    + " WHERE id = :id");
            lastUsed.forEach((use, at) -> batch.bind("id", use.key().value())
                    .bind("issuedIn", Rows.time(use.tokenIssuedIn()))
                    .bind("at", Rows.time(at))
                    .add());
            batch.execute();
        });
    }

    /** {@code :at} for {@code column} when {@code condition} holds and it is later than what the column holds. */
    private static String later(String column, String condition) {
        return "CASE WHEN " + condition + " AND (" + column + " IS NULL OR " + column + " < :at) THEN :at ELSE "
                + column + " END";
    }

    private boolean update(String sql, AppKeyId id, String name, Object value) {
        return db.with(h -> h.createUpdate(sql)
                        .bind("id", id.value())
                        .bind(name, value)
                        .execute())
                > 0;
    }
}
