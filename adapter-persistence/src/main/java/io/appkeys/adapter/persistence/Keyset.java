package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Cursor;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Keyset paging over (created_in, id): each page starts strictly after the last row of the one before, so a
 * deep page costs what the first one does, served by the (account, created_in, id) index, which every table
 * paged so names {@code <table>_by_account}.
 */
final class Keyset {

    /** Earlier than any row's creation, in both stores' range of timestamps. */
    private static final Instant BEFORE_ANY_ROW = Instant.parse("0001-01-01T00:00:00Z");

    private Keyset() {}

    /** A further condition on the rows, in SQL, with what binds its parameters. */
    record Condition(String sql, Consumer<Query> binding) {

        static final Condition NONE = new Condition("", query -> {});

        /** Both this condition and {@code other}. */
        Condition and(Condition other) {
            if (sql.isEmpty()) {
                return other;
            }
            if (other.sql.isEmpty()) {
                return this;
            }
            return new Condition("(" + sql + ") AND (" + other.sql + ")", binding.andThen(other.binding));
        }
    }

    interface Row<T> {
        T map(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    static <T> Page<T> page(
            Db db,
            String table,
            String columns,
            AccountName account,
            PageRequest page,
            Row<T> row,
            Function<T, Instant> time,
            Function<T, UUID> id) {
        return page(db, table, columns, account, Condition.NONE, page, row, time, id);
    }

    /** As {@link #page}, of the rows that also meet {@code condition}. */
    static <T> Page<T> page(
            Db db,
            String table,
            String columns,
            AccountName account,
            Condition condition,
            PageRequest page,
            Row<T> row,
            Function<T, Instant> time,
            Function<T, UUID> id) {
        // H2 ranges over the index with the first comparison (the row comparison alone it only filters by), and
        // reads it in order only when the ORDER BY names the index's columns from the first, account included. The
        // first page compares created_in too, with a floor below any time: without a comparison on created_in, H2
        // prefers the foreign key's index on account alone, and reads and sorts every row of the account to return
        // the first 50 (at 10,000 keys, 15 to 50 ms instead of 1)
        String after = page.after().isPresent()
                ? " AND created_in >= :afterTime AND (created_in, id) > (:afterTime, :afterId)"
                : " AND created_in >= :afterTime";
        String where = condition.sql().isEmpty() ? "" : " AND (" + condition.sql() + ")";
        // given a further condition, H2 took the account's foreign-key index instead, and read and sorted all of the
        // account's rows even for a first page (10,000 keys, every other one matching: 20 to 38 ms rather than 1 ms);
        // the hint keeps it reading in index order, stopping once the page is full
        String from = db.postgres() ? table : table + " USE INDEX (" + table + "_by_account)";
        RowMapper<T> mapper = (rs, ctx) -> row.map(rs);
        List<T> rows = db.with(h -> {
            Query query = h.createQuery("SELECT " + columns + " FROM " + from + " WHERE account = :account" + where
                            + after + " ORDER BY account, created_in, id LIMIT :limit")
                    .bind("account", account.value())
                    .bind("limit", page.limit() + 1);
            condition.binding().accept(query);
            query.bind("afterTime", Rows.time(page.after().map(Cursor::time).orElse(BEFORE_ANY_ROW)));
            page.after().ifPresent(cursor -> query.bind("afterId", cursor.id()));
            return query.map(mapper).list();
        });
        return Page.fromRows(rows, page.limit(), item -> Cursor.at(time.apply(item), id.apply(item)));
    }
}
