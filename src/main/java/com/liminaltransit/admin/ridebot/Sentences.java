package com.liminaltransit.admin.ridebot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a passage into sentences the way a reader meets them: at a full stop, question or exclamation mark
 * (a closing quote kept with it) followed by a capital or an opening quote, and at every paragraph break. A scan, not
 * a regular expression: a randomtest splits every passage of a thousand rides.
 */
final class Sentences {

    private static final Pattern PARAGRAPHS = Pattern.compile("\\n+");

    private Sentences() {}

    /** The sentences of a text, whitespace made single spaces. */
    static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        int length = text.length();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                current.append(c);
                i++;
                continue;
            }
            int j = i;
            boolean paragraph = false;
            while (j < length && Character.isWhitespace(text.charAt(j))) {
                paragraph |= text.charAt(j) == '\n';
                j++;
            }
            if (paragraph || j < length && endsSentence(current) && startsSentence(text.charAt(j))) {
                add(sentences, current);
            } else if (!current.isEmpty()) {
                current.append(' ');
            }
            i = j;
        }
        add(sentences, current);
        return sentences;
    }

    private static boolean endsSentence(StringBuilder text) {
        int last = text.length() - 1;
        if (last >= 0 && "\"'’”)".indexOf(text.charAt(last)) >= 0) {
            last--;
        }
        return last >= 0 && ".!?".indexOf(text.charAt(last)) >= 0;
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || "\"'‘“(".indexOf(c) >= 0;
    }

    private static void add(List<String> sentences, StringBuilder current) {
        String sentence = current.toString().strip();
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        current.setLength(0);
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
