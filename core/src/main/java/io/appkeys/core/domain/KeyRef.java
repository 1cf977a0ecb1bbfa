package io.appkeys.core.domain;

import java.util.Objects;

/** How a request names an app key: by its id or by its appKey. */
public sealed interface KeyRef {

    /** The key's id. */
    record ById(AppKeyId id) implements KeyRef {
        public ById {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return id.toString();
        }
    }

    /** The key's public name. */
    record ByAppKey(AppKeyName appKey) implements KeyRef {
        public ByAppKey {
            Objects.requireNonNull(appKey, "appKey");
        }

        @Override
        public String toString() {
            return appKey.toString();
        }
    }

    static KeyRef of(AppKeyId id) {
        return new ById(id);
    }

    static KeyRef of(AppKeyName appKey) {
        return new ByAppKey(appKey);
    }

    /** Reads an id or an appKey. */
    static KeyRef parse(String text) {
        Text.required(text, "app key");
        if (Uuids.isUuid(text)) {
            return new ById(AppKeyId.parse(text));
        }
        if (AppKeyName.isWellFormed(text)) {
            return new ByAppKey(new AppKeyName(text));
        }
        throw new InvalidInputException(Text.quote(text) + " is neither an app key id nor an appKey");
    }
}
