package com.liminaltransit.admin.ridebot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slips a template leaves when a label is filled into the wrong sentence, which an editor spots at a glance:
 * "Pocket the pocket watch" (a word said twice in one short label), "the the", "a the", "a old", a sentence that
 * begins in lower case, a brace left unfilled, a space before a comma. Heuristics, tuned to flag few false ones.
 */
final class TextFaults {

    private static final Pattern BRACE = Pattern.compile("[{}]");
    private static final Pattern DOUBLED = Pattern.compile("\\b(\\p{L}+)\\s+\\1\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\s+(a|an|the)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern A_VOWEL = Pattern.compile("\\b[aA]\\s+([aeioAEIO]\\p{L}*)");
    private static final Pattern AN_CONSONANT =
            Pattern.compile("\\b[aA]n\\s+([b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z]\\p{L}*)");
    private static final Pattern LOWER_START = Pattern.compile("[.!?]\\s+([\\p{Ll}])");
    private static final Pattern SPACE_BEFORE = Pattern.compile("\\s[,.;:!?]");
    private static final Pattern DOUBLE_PUNCT = Pattern.compile("(?<!\\.)[,;:]\\s*[,;:.]|(?<![.])\\.\\.(?!\\.)");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** Words "a" may stand before although they start with a vowel letter. */
    private static final Set<String> A_BEFORE =
            Set.of("one", "once", "oneself", "europe", "eulogy", "ewe", "eucalyptus");
    /** Words "an" may stand before although they start with a consonant letter. */
    private static final Set<String> AN_BEFORE =
            Set.of("hour", "hours", "honest", "honour", "honourable", "heir", "herb");
    /** Words a label may say twice without it being a slip. */
    private static final Set<String> COMMON = Set.of(
            "with", "from", "into", "that", "your", "their", "them", "then", "than", "this", "what", "when", "where",
            "while", "have", "been", "more", "back", "down", "over", "side");

    private TextFaults() {}

    /** The faults of a passage, one phrase each naming the slip and quoting it. */
    static List<String> inPassage(String text) {
        List<String> faults = new ArrayList<>();
        common(text, faults);
        Matcher lower = LOWER_START.matcher(text);
        while (lower.find()) {
            faults.add("sentence begins in lower case: \"" + around(text, lower.start(), lower.end()) + "\"");
        }
        return faults;
    }

    /** The faults of a choice label. */
    static List<String> inLabel(String label) {
        List<String> faults = new ArrayList<>();
        common(label, faults);
        if (!label.isEmpty() && Character.isLowerCase(label.charAt(0))) {
            faults.add("label begins in lower case: \"" + label + "\"");
        }
        Map<String, Integer> seen = new HashMap<>();
        Matcher word = WORD.matcher(label);
        while (word.find()) {
            String w = word.group().toLowerCase(Locale.ROOT);
            if (w.length() >= 4 && !COMMON.contains(w) && seen.merge(w, 1, Integer::sum) == 2) {
                faults.add("label says \"" + w + "\" twice: \"" + label + "\"");
            }
        }
        return faults;
    }

    private static void common(String text, List<String> faults) {
        if (BRACE.matcher(text).find()) {
            faults.add("unfilled placeholder: \"" + shorten(text) + "\"");
        }
        find(DOUBLED, text, "word doubled", faults);
        Matcher articles = ARTICLES.matcher(text);
        while (articles.find()) {
            if (!articles.group(1).equalsIgnoreCase(articles.group(2))) {
                faults.add("two articles: \"" + around(text, articles.start(), articles.end()) + "\"");
            }
        }
        Matcher a = A_VOWEL.matcher(text);
        while (a.find()) {
            if (!A_BEFORE.contains(a.group(1).toLowerCase(Locale.ROOT))) {
                faults.add("\"a\" before a vowel: \"" + around(text, a.start(), a.end()) + "\"");
            }
        }
        Matcher an = AN_CONSONANT.matcher(text);
        while (an.find()) {
            if (!AN_BEFORE.contains(an.group(1).toLowerCase(Locale.ROOT))) {
                faults.add("\"an\" before a consonant: \"" + around(text, an.start(), an.end()) + "\"");
            }
        }
        find(SPACE_BEFORE, text, "space before punctuation", faults);
        find(DOUBLE_PUNCT, text, "doubled punctuation", faults);
    }

    private static void find(Pattern pattern, String text, String what, List<String> faults) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            faults.add(what + ": \"" + around(text, m.start(), m.end()) + "\"");
        }
    }

    private static String around(String text, int start, int end) {
        int from = Math.max(0, start - 20);
        int to = Math.min(text.length(), end + 20);
        return (from > 0 ? "…" : "") + text.substring(from, to).replace('\n', ' ') + (to < text.length() ? "…" : "");
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
