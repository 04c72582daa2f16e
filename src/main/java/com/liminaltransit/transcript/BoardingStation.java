package com.liminaltransit.transcript;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a ride boarded, to name its transcript. A stop stores free text only (any provider writes it), so the
 * station is read from the words: the first capitalised name after "at" ("on the platform at Hollow Quay",
 * "You boarded the Night Mail at the Tollgate."), in the boarding stop's summary first, where models state it
 * plainly, then in its passage. A passage that names no station gives none, and the caller falls back.
 */
final class BoardingStation {

    /** Longest name kept: a station, not a sentence. */
    private static final int MAX_LENGTH = 60;

    /** A capitalised word; a full stop ends it, since "Halt. There" is a name and the next sentence. */
    private static final String NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}\\p{Nd}'’-]*";
    /** "at" + an optional "the" + capitalised words, which small joining words may link ("Isle of Wight"). */
    private static final Pattern AFTER_AT = Pattern.compile("(?<![\\p{L}\\p{M}])[Aa]t\\s+((?:the\\s+)?" + NAME_WORD
            + "(?:\\s+(?:(?:of|on|upon|the|de|la|le|du|del|der)\\s+)?" + NAME_WORD + "){0,4})");

    private BoardingStation() {}

    /** The station named in the boarding stop's summary or passage, if any. */
    static Optional<String> in(String summary, String passage) {
        return find(summary).or(() -> find(passage));
    }

    private static Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = AFTER_AT.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String name = trimPunctuation(matcher.group(1).replaceAll("\\s+", " "));
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** "Fennick's Landing'" is "Fennick's Landing": a closing quote or a dash is not part of the name. */
    private static String trimPunctuation(String name) {
        int end = name.length();
        while (end > 0 && "-'’".indexOf(name.charAt(end - 1)) >= 0) {
            end--;
        }
        return name.substring(0, end);
    }
}
