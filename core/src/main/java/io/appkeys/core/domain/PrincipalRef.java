package io.appkeys.core.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * How a request names a principal to link roles to, as VTEX's {@code {userId}}: a user's id or email, or an
 * app key's id or appKey.
 */
public sealed interface PrincipalRef {

    /** A UUID: the id of a user or of an app key. */
    record ById(UUID id) implements PrincipalRef {
        public ById {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return id.toString();
        }
    }

    /** A user's email. */
    record ByEmail(Email email) implements PrincipalRef {
        public ByEmail {
            Objects.requireNonNull(email, "email");
        }

        @Override
        public String toString() {
            return email.toString();
        }
    }

    /** An app key's public name. */
    record ByAppKey(AppKeyName appKey) implements PrincipalRef {
        public ByAppKey {
            Objects.requireNonNull(appKey, "appKey");
        }

        @Override
        public String toString() {
            return appKey.toString();
        }
    }

    static PrincipalRef parse(String text) {
        Text.required(text, "user id");
        if (Uuids.isUuid(text)) {
            return new ById(UUID.fromString(text));
        }
        if (text.indexOf('@') >= 0) {
            return new ByEmail(new Email(text));
        }
        if (AppKeyName.isWellFormed(text)) {
            return new ByAppKey(new AppKeyName(text));
        }
        throw new InvalidInputException(Text.quote(text) + " must be a user id, an email, an app key id or an appKey");
    }
}
