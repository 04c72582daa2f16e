package com.liminaltransit.narrative;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.Set;

/**
 * Lengths and cuts of text in any language, with no assumption that words are separated by spaces: Japanese and
 * Chinese are written without them, so their length is counted in characters (what a reader perceives as one:
 * grapheme clusters) and their text is cut at {@link BreakIterator} boundaries rather than at the last space.
 */
public final class TextMeasure {

    /** Primary languages written without spaces between words. */
    private static final Set<String> UNSPACED = Set.of("ja", "zh", "th", "lo", "km", "my");

    private TextMeasure() {}

    /** Whether {@code tag}'s language is written without spaces between words ({@code ja}, {@code zh}, …). */
    public static boolean unspaced(String tag) {
        return UNSPACED.contains(primary(tag));
    }

    /**
     * Words in {@code text} as {@link BreakIterator} finds them for {@code tag}: the runs that hold a letter or a
     * digit (punctuation and spaces are not words). In a text without spaces this is an approximation; measure it
     * with {@link #characters} instead ({@link #length} chooses).
     */
    public static int words(String text, String tag) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        BreakIterator words = BreakIterator.getWordInstance(Locale.forLanguageTag(StepNeeds.normalise(tag)));
        words.setText(text);
        int count = 0;
        for (int start = words.first(), end = words.next();
                end != BreakIterator.DONE;
                start = end, end = words.next()) {
            if (hasLetterOrDigit(text, start, end)) {
                count++;
            }
        }
        return count;
    }

    /** Characters as a reader counts them (grapheme clusters), white space left out. */
    public static int characters(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int count = 0;
        for (int start = characters.first(), end = characters.next();
                end != BreakIterator.DONE;
                start = end, end = characters.next()) {
            if (!Character.isWhitespace(text.codePointAt(start))) {
                count++;
            }
        }
        return count;
    }

    /** The length of a text as its language measures it: characters when written without spaces, else words. */
    public static int length(String text, String tag) {
        return unspaced(tag) ? characters(text) : words(text, tag);
    }

    /**
     * A rough count of the tokens a model reads in {@code text}: about four characters a token for alphabetic
     * scripts, about one a token for Chinese, Japanese and Korean characters (which tokenizers split finely).
     */
    public static int estimateTokens(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int wide = 0;
        int other = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isCjk(c)) {
                wide++;
            } else {
                other++;
            }
            i += Character.charCount(c);
        }
        return wide + (other + 3) / 4;
    }

    /**
     * At most {@code max} UTF-16 units of {@code text}, cut at a word boundary ({@link BreakIterator}, so a text
     * without spaces is cut between words or characters, never inside a surrogate pair or a grapheme) when one falls
     * in the last fifth, then {@code …}; the text itself when it fits.
     */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int limit = max - 1;
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int end = characters.isBoundary(limit) ? limit : characters.preceding(limit);
        BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
        words.setText(text);
        int word = words.isBoundary(end) ? end : words.preceding(end);
        if (word != BreakIterator.DONE && word >= max - max / 5) {
            end = word;
        }
        return text.substring(0, Math.max(0, end)).strip() + "…";
    }

    private static boolean hasLetterOrDigit(String text, int start, int end) {
        for (int i = start; i < end; ) {
            int c = text.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /** Han, kana, Hangul and their punctuation and full-width forms. */
    private static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || c >= 0x3000 && c <= 0x303F
                || c >= 0xFF00 && c <= 0xFFEF;
    }

    private static String primary(String tag) {
        String normal = StepNeeds.normalise(tag);
        int dash = normal.indexOf('-');
        return (dash < 0 ? normal : normal.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
