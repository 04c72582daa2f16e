package com.liminaltransit.safety;

import static com.liminaltransit.narrative.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads a term from a rule book, so tests need not spell out the slurs the books mask. */
final class RuleBookTerms {

    private RuleBookTerms() {}

    /** The first masked term of {@code language}'s book, decoded (without a trailing {@code *}). */
    static String firstMasked(String language) {
        try (InputStream in =
                        RuleBookTerms.class.getClassLoader().getResourceAsStream("safety/rules/" + language + ".json");
                JsonReader reader = JSON.createReader(in)) {
            JsonObject book = reader.readObject();
            for (JsonObject rule : book.getJsonArray("rules").getValuesAs(JsonObject.class)) {
                if (rule.getBoolean("masked", false)) {
                    String term = new String(
                            Base64.getDecoder().decode(rule.getJsonArray("any").getString(0)), StandardCharsets.UTF_8);
                    return term.endsWith("*") ? term.substring(0, term.length() - 1) : term;
                }
            }
            throw new AssertionError("no masked rule in " + language);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
