package com.liminaltransit.narrative.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ForeignLabelTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Follow the lamplighter|follow the lamplighter",
                "To the front!|the front",
                "Ask the TV about it.|ask the TV about it",
                "TV off|TV off",
                "<b>Run</b> {{now}}|b Run b now",
                "Open the door &amp; wait|open the door amp wait"
            })
    void labelIsMadeSafeToFollowYouHadChosenTo(String label, String expected) {
        // when
        Optional<String> cleaned = ForeignLabel.clean(label);

        // then
        assertEquals(Optional.of(expected), cleaned);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "<>", "!!", "42"})
    void labelWithNothingReadableIsDropped(String label) {
        // when / then
        assertTrue(ForeignLabel.clean(label).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Walk all the way along the corridor past every sleeping passenger until the engine",
                "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void longLabelIsCutShort(String label) {
        // when
        String cleaned = ForeignLabel.clean(label).orElseThrow();

        // then
        assertTrue(cleaned.length() <= ForeignLabel.MAX_LENGTH, cleaned);
    }
}
