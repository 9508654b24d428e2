package org.signet.web.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a parsed JSON document against the record it will be bound to, before binding: members the
 * record does not have, values of the wrong JSON type, and nulls and empty strings, which the
 * contract rejects rather than ignores. Each finding names its field as a JSON path.
 */
final class JsonShape {

    /** More findings than this are not listed: the client has enough to fix. */
    static final int MAX_VIOLATIONS = 100;

    private final List<Problem.Violation> violations = new ArrayList<>();

    private JsonShape() {}

    static List<Problem.Violation> check(JsonValue document, Class<? extends Record> type) {
        var shape = new JsonShape();
        shape.value("", document, type);
        return shape.violations;
    }

    private void value(String path, JsonValue value, Type type) {
        if (violations.size() >= MAX_VIOLATIONS) {
            return;
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            add(path, "must not be null: leave the member out instead");
            return;
        }

        var raw = raw(type);
        if (raw == String.class) {
            if (!(value instanceof JsonString string)) {
                add(path, "must be a string");
            } else if (string.getString().isEmpty()) {
                add(path, "must not be empty: leave the member out instead");
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                add(path, "must be true or false");
            }
        } else if (List.class.isAssignableFrom(raw)) {
            list(path, value, ((ParameterizedType) type).getActualTypeArguments()[0]);
        } else if (Map.class.isAssignableFrom(raw)) {
            map(path, value, ((ParameterizedType) type).getActualTypeArguments()[1]);
        } else if (raw.isRecord()) {
            record(path, value, raw);
        }
    }

    private void list(String path, JsonValue value, Type elementType) {
        if (!(value instanceof JsonArray array)) {
            add(path, "must be an array");
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            value(path + "[" + i + "]", array.get(i), elementType);
        }
    }

    private void map(String path, JsonValue value, Type valueType) {
        if (!(value instanceof JsonObject object)) {
            add(path, "must be an object");
            return;
        }
        for (var member : object.entrySet()) {
            value(member(path, member.getKey()), member.getValue(), valueType);
        }
    }

    private void record(String path, JsonValue value, Class<?> type) {
        if (!(value instanceof JsonObject object)) {
            add(path, "must be an object");
            return;
        }
        var components =
                Arrays.stream(type.getRecordComponents())
                        .collect(
                                Collectors.toMap(
                                        RecordComponent::getName,
                                        c -> c,
                                        (a, b) -> a,
                                        LinkedHashMap::new));
        for (var member : object.entrySet()) {
            var component = components.get(member.getKey());
            if (component == null) {
                add(
                        member(path, member.getKey()),
                        "is not a member here; expected one of " + components.keySet());
                continue;
            }
            value(member(path, member.getKey()), member.getValue(), component.getGenericType());
        }
    }

    private void add(String path, String message) {
        if (violations.size() < MAX_VIOLATIONS) {
            violations.add(new Problem.Violation(path.isEmpty() ? "$" : path, message));
        }
    }

    private static String member(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return (Class<?>) type;
    }
}
