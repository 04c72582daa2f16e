package com.liminaltransit.narrative;

import static com.liminaltransit.narrative.Jsonp.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the AI-contract object in what a model wrote and reads it into a {@link Narrative}. Models wrap JSON in
 * prose or code fences, so the reply is tried whole, then from every {@code {} on: JSON-P reads exactly one object
 * from there and ignores what follows. The first object with a {@code passage} wins.
 */
public final class NarrativeJson {

    private NarrativeJson() {}

    /**
     * Reads the narrative from a model's text reply.
     *
     * @throws InvalidNarrativeException when the reply holds no contract object; the message can go back to a model
     */
    public static Narrative parse(String reply) {
        if (reply == null || reply.isBlank()) {
            throw new InvalidNarrativeException("the reply was empty; answer with the JSON object only");
        }
        for (int start = reply.indexOf('{'); start >= 0; start = reply.indexOf('{', start + 1)) {
            JsonObject object = objectAt(reply, start);
            if (object != null && object.containsKey("passage")) {
                return fromObject(object);
            }
        }
        throw new InvalidNarrativeException(
                "no JSON object with a \"passage\" was found; answer with the JSON object only");
    }

    /**
     * Reads the narrative from an object a vendor already parsed (a tool-use input, a JSON-mode reply).
     *
     * @throws InvalidNarrativeException when a field has the wrong type
     */
    public static Narrative fromObject(JsonObject object) {
        try {
            List<ChoiceOption> choices = new ArrayList<>();
            JsonValue listed = object.get("choices");
            if (listed != null && listed.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue item : listed.asJsonArray()) {
                    if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                        throw new InvalidNarrativeException("each choice must be an object with \"id\" and \"label\"");
                    }
                    JsonObject choice = item.asJsonObject();
                    choices.add(new ChoiceOption(text(choice, "id"), text(choice, "label")));
                }
            } else if (listed != null && listed.getValueType() != JsonValue.ValueType.NULL) {
                throw new InvalidNarrativeException("\"choices\" must be an array");
            }
            boolean ending = object.get("ending") == JsonValue.TRUE;
            return new Narrative(text(object, "passage"), choices, ending, text(object, "summary"));
        } catch (ClassCastException e) {
            throw new InvalidNarrativeException("a field of the JSON object has the wrong type");
        }
    }

    private static String text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidNarrativeException("\"" + key + "\" must be a string");
        }
        return object.getString(key);
    }

    /** The object that starts at {@code start}, or {@code null} if none does. */
    private static JsonObject objectAt(String text, int start) {
        try (JsonParser parser = JSON.createParser(new StringReader(text.substring(start)))) {
            if (parser.hasNext() && parser.next() == JsonParser.Event.START_OBJECT) {
                return parser.getObject();
            }
            return null;
        } catch (JsonParsingException e) {
            return null;
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return null;
        }
    }
}
