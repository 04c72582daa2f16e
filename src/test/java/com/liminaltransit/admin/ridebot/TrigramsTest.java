package com.liminaltransit.admin.ridebot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrigramsTest {

    @Test
    void samePassageOverlapsCompletely() {
        String passage = "The lamps flicker as the train leaves a station with no name.";

        assertThat(Trigrams.overlap(passage, passage)).isEqualTo(1.0);
    }

    @Test
    void passagesSharingNoThreeWordsInARowDoNotOverlap() {
        assertThat(Trigrams.overlap(
                        "The lamps flicker in the dark carriage.", "A conductor counts tickets that nobody bought."))
                .isZero();
    }

    @Test
    void overlapIsTheSharedShareOfTheShorterPassageIgnoringCaseAndPunctuation() {
        // "the train leaves" and "train leaves a" are shared; the shorter text has 3 trigrams
        double overlap = Trigrams.overlap(
                "THE TRAIN, leaves a platform.", "Slowly the train leaves a station behind, and the night closes in.");

        assertThat(overlap).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void textsTooShortForATrigramDoNotOverlap() {
        assertThat(Trigrams.overlap("Two words", "Two words")).isZero();
    }
}
