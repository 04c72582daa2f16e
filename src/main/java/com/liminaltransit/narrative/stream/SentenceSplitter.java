package com.liminaltransit.narrative.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts a passage into whole sentences as its text arrives, so that nothing is released before its
 * sentence is complete. Knows English, Spanish (¿ ¡), French (« » with spaces before ! ?), German
 * (ordinals such as "3. Oktober") and Japanese (。！？ and 「」『』) punctuation, common abbreviations,
 * initials, ellipses and closing quotes. A boundary is only declared once the text after it has been
 * seen (the next non-space character decides abbreviations and continuations), so {@link #feed} may
 * hold a finished sentence back until more text or {@link #finish} arrives.
 *
 * <p>Not thread-safe: one splitter per stream.
 */
public final class SentenceSplitter {

    private static final String TERMINATORS = ".!?…。！？‼⁇⁈⁉";
    private static final String WIDE_TERMINATORS = "。！？";
    private static final String CLOSERS = "\"'”’“‘»」』）)]〉》›";
    /** Closers that may follow a space: French guillemets ("Oui ! »"). Straight quotes after a space open. */
    private static final String SPACED_CLOSERS = "»›";
    /** Horizontal spaces that may sit between a terminator and a closing quote (French: "! »"). */
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\r]*\\n");

    private static final String INNER_SPACES = " \u00A0\u202F\u2009";

    /** Abbreviations whose full stop does not end a sentence, compared in lower case without the dot. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            // English
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "st",
            "sr",
            "jr",
            "mt",
            "vs",
            "no",
            "nos",
            "vol",
            "fig",
            "e.g",
            "i.e",
            "cf",
            "approx",
            "dept",
            "gen",
            "col",
            "capt",
            "lt",
            "sgt",
            "rev",
            "hon",
            "ave",
            // Spanish
            "sra",
            "srta",
            "dra",
            "ud",
            "uds",
            "av",
            "pág",
            "núm",
            // French
            "mme",
            "mlle",
            "mm",
            "me",
            "p.ex",
            // German
            "z.b",
            "u.a",
            "d.h",
            "bzw",
            "hr",
            "fr",
            "nr",
            "ca",
            "evtl",
            "ggf",
            "vgl",
            "s.o",
            "s.u",
            "str");

    private final StringBuilder buffer = new StringBuilder();
    private final boolean germanOrdinals;
    private int scanFrom;
    private boolean first = true;

    public SentenceSplitter(Locale language) {
        this.germanOrdinals = "de".equals(language.getLanguage());
    }

    /** Splits a whole text at once (what a provider that does not stream yields). */
    public static List<Sentence> split(String text, Locale language) {
        var splitter = new SentenceSplitter(language);
        var sentences = new ArrayList<>(splitter.feed(text));
        sentences.addAll(splitter.finish());
        return sentences;
    }

    /** Adds text and returns the sentences it completes, in order. */
    public List<Sentence> feed(CharSequence text) {
        buffer.append(text);
        return scan(false);
    }

    /** The text has ended: returns whatever sentences remain, the last one possibly without a full stop. */
    public List<Sentence> finish() {
        var sentences = scan(true);
        if (!buffer.toString().isBlank()) {
            sentences.add(release(buffer.length()));
        }
        buffer.setLength(0);
        scanFrom = 0;
        return sentences;
    }

    /** Text received but not yet released as a sentence. */
    public String pending() {
        return buffer.toString();
    }

    private List<Sentence> scan(boolean atEnd) {
        var sentences = new ArrayList<Sentence>();
        int i = scanFrom;
        while (i < buffer.length()) {
            char c = buffer.charAt(i);
            int end;
            if (c == '\n') {
                int afterBreak = paragraphBreakEnd(i);
                if (afterBreak == WAIT && !atEnd) {
                    break;
                }
                if (afterBreak < 0 || buffer.substring(0, i).isBlank()) {
                    i++;
                    continue;
                }
                end = i;
            } else if (TERMINATORS.indexOf(c) >= 0) {
                int decided = boundaryAfterTerminators(i, atEnd);
                if (decided == WAIT) {
                    break;
                }
                if (decided < 0) {
                    i = -decided;
                    continue;
                }
                end = decided;
            } else {
                i++;
                continue;
            }
            sentences.add(release(end));
            i = 0;
        }
        scanFrom = Math.max(0, Math.min(i, buffer.length()));
        return sentences;
    }

    /** Takes the sentence that ends at {@code end} out of the buffer; the whitespace after it stays. */
    private Sentence release(int end) {
        var raw = buffer.substring(0, end);
        var text = raw.strip();
        var leading = raw.substring(0, raw.indexOf(text.charAt(0)));
        boolean opens = first || BLANK_LINE.matcher(leading).find();
        first = false;
        buffer.delete(0, end);
        return new Sentence(text, opens);
    }

    private static final int WAIT = Integer.MIN_VALUE;

    /**
     * Looks at a run of terminators starting at {@code at}. Returns the end (exclusive) of the sentence, the
     * negated position to resume scanning from when this is no boundary, or {@link #WAIT} when the text seen
     * so far cannot tell.
     */
    private int boundaryAfterTerminators(int at, boolean atEnd) {
        int length = buffer.length();
        int runEnd = at;
        boolean wide = false;
        while (runEnd < length && TERMINATORS.indexOf(buffer.charAt(runEnd)) >= 0) {
            wide |= WIDE_TERMINATORS.indexOf(buffer.charAt(runEnd)) >= 0;
            runEnd++;
        }
        if (runEnd == length && !atEnd) {
            return WAIT;
        }
        // closing quotes and brackets belong to the sentence they close
        int end = runEnd;
        boolean closed = false;
        while (true) {
            int k = end;
            while (k < length && INNER_SPACES.indexOf(buffer.charAt(k)) >= 0) {
                k++;
            }
            if (k == length && !atEnd) {
                return WAIT;
            }
            boolean adjacent = k == end;
            if (k < length && (adjacent ? CLOSERS : SPACED_CLOSERS).indexOf(buffer.charAt(k)) >= 0) {
                end = k + 1;
                closed = true;
            } else {
                break;
            }
        }
        if (end == length) {
            return atEnd ? end : WAIT;
        }
        char after = buffer.charAt(end);
        if (wide) {
            if (insideJapaneseQuote(end) || (closed && after == 'と')) {
                return -end;
            }
            if (Character.isWhitespace(after) || !isLowerCase(after)) {
                return end;
            }
            return -end;
        }
        if (!Character.isWhitespace(after)) {
            return -end; // "3.14", "e.g.", "?!,", "www.example"
        }
        int next = skipWhitespace(end);
        if (next == length) {
            return atEnd ? end : WAIT;
        }
        char following = buffer.charAt(next);
        if (isLowerCase(following)) {
            return -end; // "e.g. the", "Wait... and", "« Oui ! » dit-il"
        }
        if (insideJapaneseQuote(end)) {
            return -end;
        }
        boolean singleStop = runEnd - at == 1 && buffer.charAt(at) == '.';
        if (singleStop && !closed) {
            var word = wordBefore(at);
            if (ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))) {
                return -end;
            }
            if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
                return -end; // an initial ("J. R. R. Tolkien") or a spaced abbreviation ("z. B.")
            }
            if (germanOrdinals && !word.isEmpty() && word.chars().allMatch(Character::isDigit)) {
                return -end; // "am 3. Oktober"
            }
        }
        return end;
    }

    private static boolean isLowerCase(char c) {
        return Character.isLowerCase(c);
    }

    /** After a newline: the end of a blank line that follows it, -1 if none, WAIT if the text ends first. */
    private int paragraphBreakEnd(int at) {
        int k = at + 1;
        while (k < buffer.length()
                && (buffer.charAt(k) == ' ' || buffer.charAt(k) == '\t' || buffer.charAt(k) == '\r')) {
            k++;
        }
        if (k == buffer.length()) {
            return WAIT;
        }
        return buffer.charAt(k) == '\n' ? k + 1 : -1;
    }

    private boolean insideJapaneseQuote(int end) {
        int depth = 0;
        for (int k = 0; k < end; k++) {
            char c = buffer.charAt(k);
            if (c == '「' || c == '『') {
                depth++;
            } else if ((c == '」' || c == '』') && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    private String wordBefore(int dot) {
        int k = dot;
        while (k > 0 && (Character.isLetterOrDigit(buffer.charAt(k - 1)) || buffer.charAt(k - 1) == '.')) {
            k--;
        }
        return buffer.substring(k, dot);
    }

    private int skipWhitespace(int from) {
        int k = from;
        while (k < buffer.length() && Character.isWhitespace(buffer.charAt(k))) {
            k++;
        }
        return k;
    }
}
