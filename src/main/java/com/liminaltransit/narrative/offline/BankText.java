package com.liminaltransit.narrative.offline;

import static com.liminaltransit.narrative.Jsonp.JSON;

import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The content bank as writers edit it: JSON parts by name ({@code world.json}, {@code cast.json},
 * {@code scenes-carriage.json}, ...). Version 1 is the parts shipped on the classpath under
 * {@code narrative/offline/}, listed by its {@code index.json}; the writers' room keeps later versions. A part is
 * kept small enough to post from a form.
 *
 * @param parts the parts' texts by name, in the bank's order
 */
public record BankText(Map<String, String> parts) {

    /** What a part's name looks like. */
    public static final Pattern PART_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,38}\\.json");
    /** The longest part, in characters: a form posting it stays under the server's request size. */
    public static final int MAX_PART = 36_000;

    private static final String FOLDER = "narrative/offline/";

    public BankText {
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** The bank shipped on the classpath (version 1). */
    public static BankText shipped() {
        Map<String, String> parts = new LinkedHashMap<>();
        String index = read("index.json");
        List<String> names = new ArrayList<>();
        try (JsonReader reader = JSON.createReader(new StringReader(index))) {
            reader.readObject()
                    .getJsonArray("parts")
                    .getValuesAs(JsonString.class)
                    .forEach(s -> names.add(s.getString()));
        }
        for (String name : names) {
            parts.put(name, read(name));
        }
        return new BankText(parts);
    }

    /** The same bank with one part's text replaced (or added, when the name is new). */
    public BankText with(String name, String text) {
        Map<String, String> changed = new LinkedHashMap<>(parts);
        changed.put(name, text);
        return new BankText(changed);
    }

    /** The part names, in the bank's order. */
    public List<String> names() {
        return List.copyOf(parts.keySet());
    }

    private static String read(String file) {
        String resource = FOLDER + file;
        try (InputStream in = BankText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("content bank file missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
