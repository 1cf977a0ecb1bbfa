package io.appkeys.adapter.http;

import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.RoleId;
import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads request bodies field by field, so a wrong shape gets a message that names the field and the type it
 * needs, instead of a silent coercion ({@code "label": 5}) or a parser's stack of words.
 */
final class Bodies {

    private Bodies() {
    }

    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("the request body must be a JSON object");
        }
        return body;
    }

    /** A string member; absent or null is empty, any other type is bad input. */
    static Optional<String> text(JsonNode body, String member) {
        JsonNode value = object(body).get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new InvalidInputException(member + " must be a string");
        }
        return Optional.of(value.getStringValue());
    }

    static boolean bool(JsonNode body, String member) {
        JsonNode value = object(body).get(member);
        if (value == null || value.isNull()) {
            throw new InvalidInputException(member + " is required");
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException(member + " must be true or false");
        }
        return value.getBooleanValue();
    }

    /** A JSON array of role ids, as VTEX's {@code [9000, 9111]}. */
    static Set<RoleId> roleIds(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw new InvalidInputException("the request body must be a JSON array of role ids");
        }
        Set<RoleId> ids = new LinkedHashSet<>();
        for (JsonNode value : body.values()) {
            if (!value.isNumber() || !isInt(value.getBigDecimalValue())) {
                throw new InvalidInputException("role ids must be positive integers");
            }
            ids.add(new RoleId(value.getIntValue()));
        }
        return ids;
    }

    private static boolean isInt(BigDecimal number) {
        try {
            number.intValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }
}
