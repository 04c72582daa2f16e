package com.liminaltransit.narrative.offline;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the label of a choice another provider offered into words that can follow "You had chosen to". That
 * label is model output: only letters, digits, spaces and plain punctuation are kept.
 */
final class ForeignLabel {

    /** Longest label woven into a passage. */
    static final int MAX_LENGTH = 60;

    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N} ,.'!?-]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING = Pattern.compile("[\\s,.!?'-]+$");
    private static final Pattern LEADING_TO = Pattern.compile("^(?i:to)\\s+");

    private ForeignLabel() {}

    /** The label ready to weave in, or empty when nothing readable is left of it. */
    static Optional<String> clean(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String text = SPACES.matcher(UNSAFE.matcher(label).replaceAll(" "))
                .replaceAll(" ")
                .strip();
        text = LEADING_TO.matcher(text).replaceFirst("");
        if (text.length() > MAX_LENGTH) {
            int cut = text.lastIndexOf(' ', MAX_LENGTH);
            text = text.substring(0, cut > 0 ? cut : MAX_LENGTH);
        }
        text = TRAILING.matcher(text).replaceAll("");
        if (text.length() < 2 || !Character.isLetter(text.charAt(0))) {
            return Optional.empty();
        }
        return Optional.of(lowerFirstWord(text));
    }

    /** "Walk on" becomes "walk on"; "TV" and "I" stay as they are. */
    private static String lowerFirstWord(String text) {
        int end = text.indexOf(' ');
        String first = end < 0 ? text : text.substring(0, end);
        if (first.length() < 2 || first.equals(first.toUpperCase(Locale.ROOT))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
