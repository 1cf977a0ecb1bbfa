package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Change;
import io.appkeys.core.port.out.ChangeFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/**
 * The change feed in the database. A change is written just before its transaction commits: the writer takes
 * the next number by updating the one row of {@code change_feed_head}, whose lock it then holds only until the
 * commit, so numbers follow the commit order with no gap. On PostgreSQL the commit also sends a notification
 * that wakes the followers at once; elsewhere they poll.
 */
final class JdbiChanges implements ChangeFeed {

    private final Db db;
    private final Optional<PostgresNotifications> notifications;

    JdbiChanges(Db db, Optional<PostgresNotifications> notifications) {
        this.db = db;
        this.notifications = notifications;
    }

    @Override
    public void append(Change change, Instant at, String origin) {
        if (!db.transactionOpen()) {
            throw new IllegalStateException("a change is recorded inside the transaction that makes it");
        }
        db.beforeCommit(handle -> write(handle, new Entry(0, at, change, origin)));
    }

    /** Writes {@code entry} under the next number (its own is not known yet). */
    private void write(Handle handle, Entry entry) {
        Change change = entry.change();
        handle.execute("UPDATE change_feed_head SET latest = latest + 1 WHERE id = 1");
        long sequence = handle.createQuery("SELECT latest FROM change_feed_head WHERE id = 1")
                .mapTo(Long.class)
                .one();
        handle.createUpdate("INSERT INTO change_feed (sequence, at, account, kind, subject, origin)"
                        + " VALUES (:sequence, :at, :account, :kind, :subject, :origin)")
                .bind("sequence", sequence)
                .bind("at", Rows.time(entry.at()))
                .bind("account", change.account().value())
                .bind("kind", change.kind().name())
                .bind("subject", change.subject())
                .bind("origin", entry.origin())
                .execute();
        if (notifications.isPresent()) {
            handle.execute("NOTIFY " + PostgresNotifications.CHANNEL); // delivered at commit, and only then
        }
    }

    @Override
    public Read after(long sequence, int limit) {
        List<Entry> entries =
                db.with(h -> h.createQuery("SELECT sequence, at, account, kind, subject, origin FROM change_feed"
                                + " WHERE sequence > :after ORDER BY sequence LIMIT :limit")
                        .bind("after", sequence)
                        .bind("limit", limit)
                        .map((rs, ctx) -> new Entry(
                                rs.getLong("sequence"),
                                Rows.instant(rs, "at"),
                                new Change(
                                        new AccountName(rs.getString("account")),
                                        Change.Kind.valueOf(rs.getString("kind")),
                                        rs.getString("subject")),
                                rs.getString("origin")))
                        .list());
        // numbers have no gap, and the latest change is never pruned: a first number further on means some were
        return new Read(entries, !entries.isEmpty() && entries.get(0).sequence() != sequence + 1);
    }

    @Override
    public long latest() {
        return db.with(h -> h.createQuery("SELECT latest FROM change_feed_head WHERE id = 1")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public int prune(Instant before) {
        return db.inTransaction(() -> db.with(h -> {
            h.createUpdate("DELETE FROM change_followers WHERE heard_at < :before")
                    .bind("before", Rows.time(before))
                    .execute();
            return h.createUpdate("DELETE FROM change_feed WHERE at < :before"
                            + " AND sequence < (SELECT latest FROM change_feed_head WHERE id = 1)")
                    .bind("before", Rows.time(before))
                    .execute();
        }));
    }

    @Override
    public void await(long sequence, Duration poll) throws InterruptedException {
        if (notifications.isPresent()) {
            notifications.get().await();
        } else {
            Thread.sleep(Math.max(1, poll.toMillis()));
        }
    }

    @Override
    public void acknowledge(String follower, long sequence, Instant at) {
        db.use(h -> {
            int updated = h.createUpdate(
                            "UPDATE change_followers SET applied = :applied, heard_at = :at" + " WHERE name = :name")
                    .bind("applied", sequence)
                    .bind("at", Rows.time(at))
                    .bind("name", follower)
                    .execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO change_followers (name, applied, heard_at) VALUES (:name, :applied, :at)")
                        .bind("name", follower)
                        .bind("applied", sequence)
                        .bind("at", Rows.time(at))
                        .execute();
            }
        });
    }

    @Override
    public void leave(String follower) {
        db.use(h -> h.createUpdate("DELETE FROM change_followers WHERE name = :name")
                .bind("name", follower)
                .execute());
    }

    @Override
    public OptionalLong appliedByAll(Instant since, String except) {
        Optional<Long> lowest = db.with(h -> h.createQuery(
                        "SELECT MIN(applied) FROM change_followers WHERE heard_at >= :since AND name <> :except")
                .bind("since", Rows.time(since))
                .bind("except", except)
                .mapTo(Long.class)
                .findOne());
        return lowest.map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
