package com.liminaltransit.safety;

import static com.liminaltransit.narrative.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One language's word rules, from {@code safety/rules/<language>.json} on the classpath: each rule names a category
 * and either terms of which any one is enough ({@code any}), or two lists whose terms must meet within a number of
 * characters ({@code near}: a child and a sexual word, a how-to and a weapon). A term ending in {@code *} matches
 * any word it begins; words of a term match across any spaces or punctuation. In a language written with spaces a
 * term matches whole words only; in Japanese (and other {@code "spaced": false} languages) anywhere. Terms under
 * {@code "masked": true} are Base64, so that reading or searching the file does not meet the slurs it lists.
 */
final class RuleBook {

    private static final String FOLDER = "safety/rules/";
    private static final String WORD = "[\\p{L}\\p{N}]";

    private final String language;
    private final boolean spaced;
    private final List<Rule> rules;

    private RuleBook(String language, boolean spaced, List<Rule> rules) {
        this.language = language;
        this.spaced = spaced;
        this.rules = List.copyOf(rules);
    }

    /** One rule: a category and how it matches the folded text. */
    private interface Rule {
        String category();

        boolean matches(String folded);
    }

    private record Any(String category, Pattern terms) implements Rule {
        @Override
        public boolean matches(String folded) {
            return terms.matcher(folded).find();
        }
    }

    private record Near(String category, Pattern first, Pattern second, int within) implements Rule {
        @Override
        public boolean matches(String folded) {
            List<int[]> firsts = spans(first.matcher(folded));
            if (firsts.isEmpty()) {
                return false;
            }
            for (int[] b : spans(second.matcher(folded))) {
                for (int[] a : firsts) {
                    int gap = a[1] <= b[0] ? b[0] - a[1] : b[1] <= a[0] ? a[0] - b[1] : 0;
                    if (gap <= within) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static List<int[]> spans(Matcher matcher) {
            List<int[]> spans = new ArrayList<>();
            while (matcher.find()) {
                spans.add(new int[] {matcher.start(), matcher.end()});
            }
            return spans;
        }
    }

    /** The book of {@code language} (a primary subtag), or empty when the classpath has none. */
    static Optional<RuleBook> load(String language) {
        String resource = FOLDER + language + ".json";
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            try (JsonReader reader = JSON.createReader(in)) {
                return Optional.of(parse(language, reader.readObject()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new IllegalStateException("the safety rules " + resource + " are malformed: " + e.getMessage(), e);
        }
    }

    private static RuleBook parse(String language, JsonObject book) {
        if (!language.equals(book.getString("language"))) {
            throw new IllegalArgumentException("it says it is for " + book.getString("language"));
        }
        boolean spaced = book.getBoolean("spaced", true);
        List<Rule> rules = new ArrayList<>();
        for (JsonObject rule : book.getJsonArray("rules").getValuesAs(JsonObject.class)) {
            String category = rule.getString("category");
            boolean masked = rule.getBoolean("masked", false);
            if (rule.containsKey("any")) {
                rules.add(new Any(category, pattern(terms(rule.getJsonArray("any"), masked), spaced)));
            } else {
                JsonArray near = rule.getJsonArray("near");
                if (near.size() != 2) {
                    throw new IllegalArgumentException("a near rule of " + category + " needs two lists");
                }
                rules.add(new Near(
                        category,
                        pattern(terms(near.getJsonArray(0), masked), spaced),
                        pattern(terms(near.getJsonArray(1), masked), spaced),
                        rule.getInt("within")));
            }
        }
        return new RuleBook(language, spaced, rules);
    }

    private static List<String> terms(JsonArray list, boolean masked) {
        List<String> terms = list.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .map(term -> masked ? new String(Base64.getDecoder().decode(term), StandardCharsets.UTF_8) : term)
                .toList();
        if (terms.isEmpty() || terms.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a rule has an empty list or a blank term");
        }
        return terms;
    }

    /** One alternation of the folded terms; whole words in a spaced language. */
    private static Pattern pattern(List<String> terms, boolean spaced) {
        String alternatives = terms.stream()
                .map(term -> alternative(TextFold.fold(term.strip(), spaced), spaced))
                .collect(Collectors.joining("|"));
        return Pattern.compile(
                spaced ? "(?<!" + WORD + ")(?:" + alternatives + ")(?!" + WORD + ")" : "(?:" + alternatives + ")");
    }

    private static String alternative(String term, boolean spaced) {
        boolean prefix = term.endsWith("*");
        String body = prefix ? term.substring(0, term.length() - 1) : term;
        String words = spaced
                ? List.of(body.split("[^\\p{L}\\p{N}]+")).stream()
                        .filter(w -> !w.isEmpty())
                        .map(Pattern::quote)
                        .collect(Collectors.joining("[^\\p{L}\\p{N}]+"))
                : Pattern.quote(body);
        return prefix ? words + WORD + "*" : words;
    }

    /** The language this book is for. */
    String language() {
        return language;
    }

    /** The categories whose rules match {@code text}, in the book's order, each once. */
    List<String> categoriesIn(String text) {
        String folded = TextFold.fold(text, spaced);
        List<String> found = new ArrayList<>();
        for (Rule rule : rules) {
            if (!found.contains(rule.category()) && rule.matches(folded)) {
                found.add(rule.category());
            }
        }
        return found;
    }

    /** The categories this book has rules for. */
    List<String> categories() {
        return rules.stream().map(Rule::category).distinct().toList();
    }
}
