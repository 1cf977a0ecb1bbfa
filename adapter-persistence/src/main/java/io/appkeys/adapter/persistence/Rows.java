package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.IssuedToken;
import io.appkeys.core.domain.KeyCredentials;
import io.appkeys.core.domain.KeyMetadata;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.PersonName;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.AppKeyStore.StoredKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;

/** Maps rows to domain values and back; times travel as {@code TIMESTAMP WITH TIME ZONE} in UTC. */
final class Rows {

    static final String KEY_COLUMNS = "id, account, app_key, label, created_in, active, last_used_in, token_hash,"
            + " token_created_in, new_token_hash, new_token_created_in, expires_in, token_last_used_in,"
            + " new_token_last_used_in, auto_finish_in, allowed_networks, metadata";

    private Rows() {}

    static Argument time(Instant instant) {
        return (position, statement, context) -> {
            if (instant == null) {
                statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(position, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            }
        };
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static User user(ResultSet rs) throws SQLException {
        return new User(
                new UserId(uuid(rs, "id")),
                new AccountName(rs.getString("account")),
                new Email(rs.getString("email")),
                Optional.ofNullable(rs.getString("name")).map(PersonName::new),
                instant(rs, "created_in"));
    }

    static AppKey key(ResultSet rs) throws SQLException {
        return new AppKey(
                new AppKeyId(uuid(rs, "id")),
                new AccountName(rs.getString("account")),
                new AppKeyName(rs.getString("app_key")),
                new Label(rs.getString("label")),
                instant(rs, "created_in"),
                rs.getBoolean("active"),
                Optional.ofNullable(instant(rs, "last_used_in")),
                Optional.ofNullable(instant(rs, "expires_in")),
                AllowedNetworks.parse(rs.getString("allowed_networks")),
                Optional.ofNullable(rs.getString("metadata")).map(KeyMetadata::of));
    }

    static StoredKey storedKey(ResultSet rs) throws SQLException {
        return new StoredKey(key(rs), credentials(rs));
    }

    static KeyCredentials credentials(ResultSet rs) throws SQLException {
        IssuedToken current = new IssuedToken(
                new TokenHash(rs.getString("token_hash")),
                instant(rs, "token_created_in"),
                Optional.ofNullable(instant(rs, "token_last_used_in")));
        String pendingHash = rs.getString("new_token_hash");
        Optional<IssuedToken> pending = pendingHash == null
                ? Optional.empty()
                : Optional.of(new IssuedToken(
                        new TokenHash(pendingHash),
                        instant(rs, "new_token_created_in"),
                        Optional.ofNullable(instant(rs, "new_token_last_used_in"))));
        return new KeyCredentials(
                new AppKeyId(uuid(rs, "id")), current, pending, Optional.ofNullable(instant(rs, "auto_finish_in")));
    }
}
