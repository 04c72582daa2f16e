package com.liminaltransit.admin.ridebot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a passage into sentences the way a reader meets them: at a full stop, question or exclamation mark
 * (a closing quote kept with it) followed by a capital or an opening quote, and at every paragraph break.
 */
final class Sentences {

    private static final Pattern PARAGRAPHS = Pattern.compile("\\n+");
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?][\"'’”)]?)\\s+(?=[\\p{Lu}\"'‘“(])");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Sentences() {}

    /** The sentences of a text, whitespace made single spaces. */
    static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        for (String paragraph : PARAGRAPHS.split(text.strip())) {
            for (String sentence : BOUNDARY.split(paragraph.strip())) {
                String tidy = SPACES.matcher(sentence).replaceAll(" ").strip();
                if (!tidy.isEmpty()) {
                    sentences.add(tidy);
                }
            }
        }
        return sentences;
    }

    /** The paragraphs of a text. */
    static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        if (text == null) {
            return paragraphs;
        }
        for (String paragraph : PARAGRAPHS.split(text.strip())) {
            if (!paragraph.isBlank()) {
                paragraphs.add(paragraph.strip());
            }
        }
        return paragraphs;
    }
}
