package com.liminaltransit.admin.ridebot;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Repetition between two passages: the share of word trigrams they have in common, over the smaller passage's
 * trigrams (1.0 when one passage is contained in the other, 0.0 when no three words in a row recur).
 */
final class Trigrams {

    private Trigrams() {}

    /** The overlap of {@code a} and {@code b}, from 0 to 1. */
    static double overlap(String a, String b) {
        Set<String> first = of(a);
        Set<String> second = of(b);
        if (first.isEmpty() || second.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(first);
        common.retainAll(second);
        return (double) common.size() / Math.min(first.size(), second.size());
    }

    /** The word trigrams of a text, lower-cased, punctuation ignored. */
    static Set<String> of(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+");
        Set<String> trigrams = new HashSet<>();
        String previous = null;
        String beforePrevious = null;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (beforePrevious != null) {
                trigrams.add(beforePrevious + ' ' + previous + ' ' + word);
            }
            beforePrevious = previous;
            previous = word;
        }
        return trigrams;
    }
}
