package com.liminaltransit.narrative.offline;

/** Word counts, for passage length and the honest token estimate. */
final class Words {

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
}
