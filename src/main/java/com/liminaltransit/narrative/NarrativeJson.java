package com.liminaltransit.narrative;

import static com.liminaltransit.narrative.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Finds the AI-contract object in what a model wrote and reads it into a {@link Narrative}, always
 * {@linkplain Narrative#normalised() normalised}. Models wrap JSON in prose or code fences, so the reply is searched:
 * one pass over it pairs its braces (aware of JSON strings and escapes), and JSON-P then reads candidates in order
 * of where they start, the first object with a {@code passage} winning. A hostile reply cannot make this slow: the
 * reply's length and the number of candidates read are capped, so the work is linear in the reply.
 */
public final class NarrativeJson {

    /**
     * The longest reply searched. A contract object is at most a few thousand characters (even with every
     * character written as a six-character escape it stays under 30,000); anything longer is not an answer.
     */
    public static final int MAX_REPLY_CHARS = 100_000;
    /** The most candidates JSON-P reads in one reply: a real reply has one object, maybe a stray one or two. */
    static final int MAX_CANDIDATES = 32;
    /**
     * The first few {@code {} are also read where the pairing pass found no partner for them: an odd quote in
     * prose before the object can put that pass out of step, and JSON-P is the judge anyway.
     */
    private static final int FIRST_BRACES = 4;

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
        if (reply.length() > MAX_REPLY_CHARS) {
            throw new InvalidNarrativeException("the reply is " + reply.length() + " characters long, more than "
                    + MAX_REPLY_CHARS + "; answer with the JSON object only");
        }
        int tried = 0;
        BitSet starts = candidates(reply);
        for (int start = starts.nextSetBit(0);
                start >= 0 && tried < MAX_CANDIDATES;
                start = starts.nextSetBit(start + 1)) {
            tried++;
            JsonObject object = objectAt(reply, start);
            if (object != null && object.containsKey("passage")) {
                return fromObject(object);
            }
        }
        throw new InvalidNarrativeException(
                "no JSON object with a \"passage\" was found; answer with the JSON object only");
    }

    /**
     * Where objects may start: every {@code {} that a later {@code }} closes at the same depth, counting only braces
     * outside JSON strings once inside a brace (prose outside any brace has no strings), plus the first
     * {@value #FIRST_BRACES} {@code {} of the reply. One pass, a stack of open braces, no backtracking.
     */
    static BitSet candidates(String text) {
        BitSet starts = new BitSet(text.length());
        int[] open = new int[16];
        int depth = 0;
        int firstBraces = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++; // the escaped character cannot end the string
                } else if (c == '"' || c == '\n') {
                    // JSON strings hold no raw line break: one means the quote was prose, so the pass gets back in step
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '{' -> {
                    if (firstBraces < FIRST_BRACES) {
                        starts.set(i);
                        firstBraces++;
                    }
                    if (depth == open.length) {
                        open = Arrays.copyOf(open, depth * 2);
                    }
                    open[depth++] = i;
                }
                case '}' -> {
                    if (depth > 0) {
                        starts.set(open[--depth]);
                    }
                }
                case '"' -> inString = depth > 0;
                default -> {
                    // prose or JSON outside strings
                }
            }
        }
        return starts;
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
            return new Narrative(text(object, "passage"), choices, ending, text(object, "summary")).normalised();
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

    /**
     * The object that starts at {@code start}, or {@code null} if none does. The reader skips to {@code start}
     * without copying the reply, and JSON-P reads one value and stops there, or at the first error.
     */
    private static JsonObject objectAt(String text, int start) {
        StringReader reader = new StringReader(text);
        try {
            reader.skip(start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (JsonParser parser = JSON.createParser(reader)) {
            if (parser.hasNext() && parser.next() == JsonParser.Event.START_OBJECT) {
                return parser.getObject();
            }
            return null;
        } catch (RuntimeException e) {
            // JsonException, and what Parsson throws past its nesting limit (a bare RuntimeException): no object here
            return null;
        }
    }
}
