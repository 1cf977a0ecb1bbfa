package io.appkeys.adapter.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.RoleId;
import java.io.CharConversionException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads request bodies strictly, and field by field: exactly one JSON value, no member named twice, valid
 * UTF-8, bounded depth and number length. A wrong body gets a message in our words that says what is wrong
 * (never a parser's), and a wrong field one that names the field and the type it needs, instead of a silent
 * coercion ({@code "label": 5}).
 */
final class Bodies {

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16)
                            .maxNumberLength(32)
                            .maxStringLength(64 * 1024)
                            .build())
                    .build())
            .build();

    private Bodies() {}

    /** A JSON object, as a create or an update sends it. */
    static JsonNode object(byte[] body) {
        JsonNode value = parse(body, "a JSON object");
        if (!value.isObject()) {
            throw new InvalidInputException("the request body must be a JSON object");
        }
        return value;
    }

    /** A string member; absent or null is empty, any other type is bad input. */
    static Optional<String> text(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(member + " must be a string");
        }
        return Optional.of(value.textValue());
    }

    /** An instant member, ISO-8601 in UTC; absent or null is empty, anything else is bad input. */
    static Optional<Instant> instant(JsonNode object, String member) {
        return text(object, member).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(
                        member + " must be an ISO-8601 instant in UTC, such as 2027-01-31T00:00:00Z");
            }
        });
    }

    /** An array of strings member; absent or null is empty, anything else is bad input. */
    static List<String> texts(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidInputException(member + " must be an array of strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new InvalidInputException(member + " must be an array of strings");
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    /** An object member, as compact JSON text; absent or null is empty, anything else is bad input. */
    static Optional<String> jsonObject(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw new InvalidInputException(member + " must be a JSON object");
        }
        return Optional.of(value.toString());
    }

    /** A duration member, ISO-8601 ({@code P90D}, {@code PT12H}); absent or null is empty, anything else is bad input. */
    static Optional<Duration> duration(JsonNode object, String member) {
        return text(object, member).map(text -> {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(member + " must be an ISO-8601 duration, such as P90D or PT12H");
            }
        });
    }

    /** A whole-number member; absent or null is empty, anything else is bad input. */
    static Optional<Integer> integer(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new InvalidInputException(member + " must be a whole number");
        }
        return Optional.of(value.intValue());
    }

    static boolean bool(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            throw new InvalidInputException(member + " is required");
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException(member + " must be true or false");
        }
        return value.booleanValue();
    }

    /** A JSON array of role ids, as VTEX's {@code [9000, 9111]}: whole numbers from 1 to 2147483647. */
    static Set<RoleId> roleIds(byte[] body) {
        JsonNode array = parse(body, "a JSON array of role ids");
        if (!array.isArray()) {
            throw new InvalidInputException("the request body must be a JSON array of role ids");
        }
        Set<RoleId> ids = new LinkedHashSet<>();
        for (JsonNode value : array) {
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
                throw new InvalidInputException(
                        "role ids must be whole numbers from 1 to " + Integer.MAX_VALUE + ", got " + shown(value));
            }
            ids.add(new RoleId(value.intValue()));
        }
        return ids;
    }

    private static JsonNode parse(byte[] body, String expected) {
        if (body == null || isBlank(body)) {
            throw new InvalidInputException("the request body is empty; it must be " + expected);
        }
        try (JsonParser parser = STRICT.createParser(body)) {
            JsonNode value = STRICT.readTree(parser);
            if (!nothingFollows(parser)) {
                throw new InvalidInputException("the request body holds more than one JSON value, or text after"
                        + " its value; it must be " + expected);
            }
            return value;
        } catch (IOException e) {
            throw new InvalidInputException("the request body " + whatIsWrong(e) + "; it must be " + expected);
        }
    }

    private static boolean nothingFollows(JsonParser parser) {
        try {
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String whatIsWrong(IOException e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : "";
        if (e instanceof CharConversionException || message.startsWith("Invalid UTF-8")) {
            return "is not valid UTF-8";
        }
        if (message.startsWith("Duplicate field")) {
            return "names a member twice (" + message.substring("Duplicate field ".length()) + ")";
        }
        if (e instanceof StreamConstraintsException) {
            return "is nested too deeply or holds a number or string too long";
        }
        if (e instanceof JsonEOFException) {
            return "ends before its JSON value does";
        }
        if (e instanceof JsonParseException parse && parse.getLocation() != null) {
            return "is not valid JSON (at line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ")";
        }
        return "is not valid JSON";
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** A value for a message, cut short: an error never echoes a long input. */
    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() > 20 ? text.substring(0, 20) + "..." : text;
    }
}
