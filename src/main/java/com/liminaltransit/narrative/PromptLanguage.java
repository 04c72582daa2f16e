package com.liminaltransit.narrative;

import java.util.Locale;
import java.util.Map;

/**
 * How a prompt names the language a stop is written in ({@code {{language}}}) and how long a passage should be in
 * it ({@code {{length}}}): a model narrates best when it is told the language by name, with the form of address the
 * site's own pages use (so the story and the buttons around it speak alike), and a length measured the way the
 * language is written (characters for Japanese and Chinese, which put no spaces between words).
 */
public final class PromptLanguage {

    /** The form of address the players' pages use in each language. */
    private static final Map<String, String> ADDRESS = Map.of(
            "es", "address the passenger as tú",
            "fr", "address the passenger as vous",
            "de", "address the passenger as du",
            "ja", "write natural Japanese prose, without spaces between words");

    private PromptLanguage() {}

    /**
     * {@code Japanese (日本語, ja; write natural Japanese prose, without spaces between words)}; an unknown tag as it
     * is.
     */
    public static String describe(String tag) {
        String normal = StepNeeds.normalise(tag);
        Locale locale = Locale.forLanguageTag(normal);
        String english = locale.getDisplayName(Locale.ENGLISH);
        String native_ = locale.getDisplayName(locale);
        if (english.isBlank() || english.equalsIgnoreCase(normal)) {
            return normal;
        }
        StringBuilder text = new StringBuilder(english).append(" (");
        if (!native_.isBlank() && !native_.equals(english)) {
            text.append(native_).append(", ");
        }
        text.append(normal);
        String address = ADDRESS.get(locale.getLanguage());
        if (address != null) {
            text.append("; ").append(address);
        }
        return text.append(')').toString();
    }

    /** How long a passage should be: words for most languages, characters for those written without spaces. */
    public static String passageLength(String tag) {
        return TextMeasure.unspaced(tag) ? "150 to 450 characters" : "60 to 160 words";
    }
}
