package io.appkeys.core.domain;

import java.util.Objects;

/** A named permission of one account, grouped by product and category. */
public record Resource(ResourceName name, String product, String category) {

    public Resource {
        Objects.requireNonNull(name, "name");
        Text.line(product, "product", 60);
        Text.line(category, "category", 60);
    }
}
