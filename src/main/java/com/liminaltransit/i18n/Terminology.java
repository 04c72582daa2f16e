package com.liminaltransit.i18n;

import com.liminaltransit.narrative.offline.ProperNouns;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The line's custom terminology for Amazon Translate, as CSV (the first row names the languages, {@code en} first;
 * every other row is one term in each of them): the offline storyteller's proper nouns kept as they are in every
 * language, and the few common words of the line that a general translation gets wrong ("conductor" is a train's,
 * not an orchestra's). Deploy imports it under the name set in {@code liminal.translate.terminology}
 * ({@code aws translate import-terminology --merge-strategy OVERWRITE --terminology-data Format=CSV,File=…}); the
 * copy kept at {@value #RESOURCE} is checked against this class by a test. Run {@link #main} to print it.
 */
public final class Terminology {

    /** The terminology as shipped, on the classpath. */
    public static final String RESOURCE = "i18n/terminology.csv";

    /** The languages the terminology covers, source first. */
    static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "ja");

    /** Words of the line whose sense a general translation misses, in each language of {@link #LANGUAGES}. */
    private static final Map<String, List<String>> WORDS = words();

    private Terminology() {}

    private static Map<String, List<String>> words() {
        Map<String, List<String>> words = new LinkedHashMap<>();
        words.put("conductor", List.of("conductor", "revisor", "contrôleur", "Schaffner", "車掌"));
        return words;
    }

    /** The CSV, with {@code \n} line ends. */
    public static String csv() {
        List<String> rows = new ArrayList<>();
        rows.add(String.join(",", LANGUAGES));
        WORDS.values().forEach(row -> rows.add(row(row)));
        List<String> names = new ArrayList<>();
        names.add("Liminal Transit");
        names.addAll(ProperNouns.all());
        for (String name : names) {
            rows.add(row(LANGUAGES.stream().map(language -> name).toList()));
        }
        return String.join("\n", rows) + "\n";
    }

    private static String row(List<String> cells) {
        return String.join(",", cells.stream().map(Terminology::cell).toList());
    }

    /** A CSV cell, quoted when it holds a comma, a quote or a line break. */
    private static String cell(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** Prints the terminology CSV (UTF-8) to standard output. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(csv());
    }
}
