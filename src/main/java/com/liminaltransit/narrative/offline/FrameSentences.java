package com.liminaltransit.narrative.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the bank's frame sentences (how the train reaches a station, the weather between stations, the terminus)
 * from everything else, once filled: a frame is scaffolding every ride needs, so the randomtest judges its share of
 * rides apart from the scenes and set pieces.
 */
final class FrameSentences {

    private static final Pattern SLOT = Pattern.compile("\\{[A-Za-z]+}");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private final List<Pattern> patterns;

    FrameSentences(List<String> templates) {
        List<Pattern> compiled = new ArrayList<>();
        for (String template : templates) {
            for (String sentence : SENTENCE_END.split(template.strip())) {
                if (!SLOT.matcher(sentence).replaceAll("").isBlank()) {
                    compiled.add(compile(sentence));
                }
            }
        }
        this.patterns = List.copyOf(compiled);
    }

    /** Whether the sentence is one of the frame sentences, filled. */
    boolean matches(String sentence) {
        String text = sentence.strip();
        return patterns.stream().anyMatch(p -> p.matcher(text).matches());
    }

    private static Pattern compile(String sentence) {
        StringBuilder regex = new StringBuilder();
        Matcher slot = SLOT.matcher(sentence);
        int from = 0;
        while (slot.find()) {
            regex.append(Pattern.quote(sentence.substring(from, slot.start()))).append(".+?");
            from = slot.end();
        }
        regex.append(Pattern.quote(sentence.substring(from)));
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
}
