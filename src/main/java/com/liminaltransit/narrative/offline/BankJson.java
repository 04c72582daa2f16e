package com.liminaltransit.narrative.offline;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A place in a bank part, read with its path so every problem can say where it is ({@code scenes-carriage.json:
 * scenes[3] "mirror": actions[1]: ...}). Reading never throws: a missing or mistyped field is noted and read as
 * empty, so one save reports all of a writer's mistakes at once.
 */
final class BankJson {

    private final String where;
    private final JsonValue value;
    private final List<String> problems;

    BankJson(String where, JsonValue value, List<String> problems) {
        this.where = where;
        this.value = value;
        this.problems = problems;
    }

    String where() {
        return where;
    }

    /** Notes a problem at this place. */
    void problem(String text) {
        problems.add(where + ": " + text);
    }

    boolean isObject() {
        return value instanceof JsonObject;
    }

    boolean has(String key) {
        return value instanceof JsonObject o && o.containsKey(key) && o.get(key) != JsonValue.NULL;
    }

    /** The keys of this object, in order. */
    List<String> keys() {
        return value instanceof JsonObject o ? List.copyOf(o.keySet()) : List.of();
    }

    /** A required text field. */
    String text(String key) {
        JsonValue field = field(key, true);
        if (field == null) {
            return "";
        }
        if (!(field instanceof JsonString s)) {
            problem("\"" + key + "\" must be text");
            return "";
        }
        if (s.getString().isBlank()) {
            problem("\"" + key + "\" is empty");
        }
        return s.getString();
    }

    /** An optional text field, or {@code null}. */
    String optionalText(String key) {
        return has(key) ? text(key) : null;
    }

    /**
     * A list of texts; a single text is taken as a list of one (so {@code "label"} and {@code "labels"} read alike).
     *
     * @param min the fewest it must hold
     */
    List<String> texts(String key, int min) {
        JsonValue field = field(key, min > 0);
        List<String> texts = new ArrayList<>();
        if (field == null) {
            return texts;
        }
        if (field instanceof JsonString s) {
            texts.add(s.getString());
        } else if (field instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) instanceof JsonString s && !s.getString().isBlank()) {
                    texts.add(s.getString());
                } else {
                    problem("\"" + key + "\"[" + i + "] must be a sentence (non-empty text)");
                }
            }
        } else {
            problem("\"" + key + "\" must be a list of texts");
            return texts;
        }
        if (texts.size() < min) {
            problem("\"" + key + "\" needs at least " + min + (min == 1 ? " entry" : " entries"));
        }
        return texts;
    }

    /** The texts of {@code key} or, when absent, of {@code alternative} (e.g. {@code label} or {@code labels}). */
    List<String> textsEither(String key, String alternative, int min) {
        return has(key) || !has(alternative) ? texts(key, min) : texts(alternative, min);
    }

    int integer(String key, int otherwise) {
        if (!has(key)) {
            return otherwise;
        }
        JsonValue field = ((JsonObject) value).get(key);
        if (field instanceof JsonNumber n && n.isIntegral()) {
            return n.intValue();
        }
        problem("\"" + key + "\" must be a whole number");
        return otherwise;
    }

    boolean bool(String key) {
        if (!has(key)) {
            return false;
        }
        JsonValue field = ((JsonObject) value).get(key);
        if (field == JsonValue.TRUE) {
            return true;
        }
        if (field != JsonValue.FALSE) {
            problem("\"" + key + "\" must be true or false");
        }
        return false;
    }

    /** A required object. */
    BankJson object(String key) {
        JsonValue field = field(key, true);
        if (field != null && !(field instanceof JsonObject)) {
            problem("\"" + key + "\" must be an object");
            field = null;
        }
        return new BankJson(where + ": " + key, field == null ? JsonValue.EMPTY_JSON_OBJECT : field, problems);
    }

    /** An optional object, read as empty when absent. */
    BankJson optionalObject(String key) {
        return has(key) ? object(key) : new BankJson(where + ": " + key, JsonValue.EMPTY_JSON_OBJECT, problems);
    }

    /** The objects of a required list, each with its place (and its id, when it has one). */
    List<BankJson> objects(String key) {
        JsonValue field = field(key, true);
        List<BankJson> objects = new ArrayList<>();
        if (field == null) {
            return objects;
        }
        if (!(field instanceof JsonArray array)) {
            problem("\"" + key + "\" must be a list");
            return objects;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonValue element = array.get(i);
            String id = element instanceof JsonObject o && o.get("id") instanceof JsonString s
                    ? " \"" + s.getString() + "\""
                    : "";
            BankJson child = new BankJson(where + ": " + key + "[" + i + "]" + id, element, problems);
            if (!(element instanceof JsonObject)) {
                child.problem("must be an object");
                continue;
            }
            objects.add(child);
        }
        return objects;
    }

    /** Every field of an object that is a list of texts, by key (e.g. reminders by kind). */
    Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String key : keys()) {
            groups.put(key, texts(key, 1));
        }
        return groups;
    }

    /** Every field of an object that is a text, by key. */
    Map<String, String> textFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String key : keys()) {
            fields.put(key, text(key));
        }
        return fields;
    }

    private JsonValue field(String key, boolean required) {
        if (!(value instanceof JsonObject o) || !o.containsKey(key) || o.get(key) == JsonValue.NULL) {
            if (required) {
                problem("\"" + key + "\" is missing");
            }
            return null;
        }
        return o.get(key);
    }
}
