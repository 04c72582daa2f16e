package com.liminaltransit.narrative.offline;

import java.util.List;

/** Word counts (for passage length and the honest token estimate) and small numbers written out. */
final class Words {

    private static final List<String> NUMBERS = List.of(
            "no",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty");

    private Words() {}

    /** Runs of non-whitespace; a scan, not a regular expression: it runs several times for every stop. */
    static int count(String text) {
        if (text == null) {
            return 0;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** The usual rule of thumb for English: a token is about three quarters of a word. */
    static int tokens(String text) {
        return count(text) * 4 / 3;
    }

    /** A number as a word when it is small enough to read well, e.g. {@code seven}. */
    static String number(int n) {
        return n >= 0 && n < NUMBERS.size() ? NUMBERS.get(n) : Integer.toString(n);
    }
}
