package com.liminaltransit.safety;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one form word rules are matched in: compatibility-normalised (full-width letters and digits become plain
 * ones), lower case; for languages written with spaces also without accents ({@code maricón} and {@code maricon}
 * meet) and with the digits and signs that stand for letters inside a word read as those letters ({@code k1ll} is
 * {@code kill}). Japanese keeps its marks: a dakuten changes the word.
 */
final class TextFold {

    private TextFold() {}

    /** The folded form of {@code text}. */
    static String fold(String text, boolean spaced) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (!spaced) {
            return folded;
        }
        String bare = Normalizer.normalize(folded, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(c);
        }
        return readLeet(out);
    }

    /** Digits and signs between or beside letters read as the letters they imitate. */
    private static String readLeet(StringBuilder text) {
        for (int i = 0; i < text.length(); i++) {
            char as = leet(text.charAt(i));
            if (as != 0 && besideLetter(text, i)) {
                text.setCharAt(i, as);
            }
        }
        return text.toString();
    }

    private static boolean besideLetter(CharSequence text, int at) {
        return (at > 0 && Character.isLetter(text.charAt(at - 1)))
                || (at + 1 < text.length() && Character.isLetter(text.charAt(at + 1)));
    }

    private static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> 0;
        };
    }
}
