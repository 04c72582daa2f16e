package com.liminaltransit.narrative.offline;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences the way a reader meets them (and the randomtest counts them): at a full stop, question
 * or exclamation mark (a closing quote or bracket kept with it) followed by white space and a capital or an opening
 * quote, and at paragraph breaks. A scan rather than a regular expression: the storyteller splits every candidate
 * sentence it considers, so it never writes one twice in a ride.
 */
final class Sentences {

    private Sentences() {}

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
        if (last >= 0 && isCloser(text.charAt(last))) {
            last--;
        }
        if (last < 0) {
            return false;
        }
        char c = text.charAt(last);
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '’' || c == '”' || c == ')';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || c == '"' || c == '\'' || c == '‘' || c == '“' || c == '(';
    }

    private static void add(List<String> sentences, StringBuilder current) {
        String sentence = current.toString().strip();
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        current.setLength(0);
    }
}
