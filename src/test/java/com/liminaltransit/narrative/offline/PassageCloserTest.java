package com.liminaltransit.narrative.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.StoryContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PassageCloserTest {

    private final PassageCloser closer = new PassageCloser();

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "fr", "de", "pt"})
    void closesAPassageInEveryLanguageWithValidChoicesAndKeepsWhatWasRead(String language) {
        var context = StoryContext.boarding("ride", 7, language);
        String read = "The lamps of the night train flicker as you find a seat by the window.";

        var closed = closer.close(context, read, false);

        assertThat(closed.passage()).startsWith(read + " ").hasSizeGreaterThan(read.length() + 10);
        assertThat(NarrativeValidator.validate(closed).valid()).isTrue();
        assertThat(closed.choices()).hasSize(3);
    }

    @Test
    void japaneseSentencesFollowOneAnotherWithoutASpace() {
        var closed = closer.close(StoryContext.boarding("ride", 7, "ja"), "列車が止まる。", false);

        assertThat(closed.passage()).startsWith("列車が止まる。").doesNotContain("。 ");
    }

    @Test
    void theTerminusEndsTheRideWithoutChoices() {
        var context = StoryContext.boarding("ride", 7, "de");

        var closed = closer.close(context, "Der Zug hält.", true);

        assertThat(closed.ending()).isTrue();
        assertThat(closed.choices()).isEmpty();
        assertThat(closed.passage()).startsWith("Der Zug hält. ").contains("Hier endet die Fahrt.");
        assertThat(NarrativeValidator.validate(closed).valid()).isTrue();
    }
}
