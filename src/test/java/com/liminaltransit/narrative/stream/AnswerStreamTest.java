package com.liminaltransit.narrative.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.SentenceRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AnswerStreamTest {

    private static final String JSON = "{\"choices\": [{\"id\": \"a\", \"label\": \"Sit\"}, {\"id\": \"b\", \"label\":"
            + " \"Stand\"}], \"ending\": false, \"summary\": \"You boarded.\"}";

    private final List<String> shown = new ArrayList<>();
    private final StreamedStop stop = new StreamedStop(Locale.ENGLISH, sentence -> shown.add(sentence.text()));

    @Test
    void sentencesAreShownAsTheyCompleteAndTheNarrativeIsWhatWasShown() {
        var stream = new AnswerStream(stop, "openai", AnswerStream.Gate.OPEN);

        stream.accept("The lamps flicker.");
        assertThat(shown).isEmpty(); // a sentence waits for the text after it to show it has ended
        stream.accept(" A conductor waves. Rain");
        assertThat(shown).containsExactly("The lamps flicker.", "A conductor waves.");
        stream.accept(" taps the glass.\n=== CHOICES ===\n" + JSON);
        var narrative = stream.finish();

        assertThat(shown).containsExactly("The lamps flicker.", "A conductor waves.", "Rain taps the glass.");
        assertThat(narrative.passage()).isEqualTo("The lamps flicker. A conductor waves. Rain taps the glass.");
        assertThat(narrative.choices()).hasSize(2);
        assertThat(stop.links()).containsExactly("openai");
        assertThat(stop.streamed()).isTrue();
    }

    @Test
    void japaneseSentencesAreJoinedWithoutASpace() {
        var japanese = new StreamedStop(Locale.JAPANESE, sentence -> {});
        var stream = new AnswerStream(japanese, "openai", AnswerStream.Gate.OPEN);

        stream.accept("列車が止まる。扉が開く。窓の");

        assertThat(japanese.passageSoFar()).isEqualTo("列車が止まる。扉が開く。");
    }

    @Test
    void aRefusedSentenceIsNeverShownAndEndsTheStream() {
        AnswerStream.Gate noRain = sentence -> {
            if (sentence.contains("Rain")) {
                throw new SentenceRefusedException("rain is refused", false);
            }
        };
        var stream = new AnswerStream(stop, "openai", noRain);

        stream.accept("The lamps flicker. ");
        assertThatThrownBy(() -> stream.accept("Rain taps the glass. A door"))
                .isInstanceOf(SentenceRefusedException.class);

        assertThat(shown).containsExactly("The lamps flicker.");
        assertThat(stop.passageSoFar()).isEqualTo("The lamps flicker.");
    }

    @Test
    void theNextLinkContinuesFromWhatWasShownAndTheStoredPassageKeepsIt() {
        var first = new AnswerStream(stop, "openai", AnswerStream.Gate.OPEN);
        first.accept("The lamps flicker. A conductor waves. The ");
        stop.linkFailed();

        var next = new AnswerStream(stop, "anthropic", AnswerStream.Gate.OPEN);
        next.accept("Rain taps the glass.\n=== CHOICES ===\n" + JSON);
        var narrative = next.finish();

        assertThat(next.passageSoFar()).isEqualTo("The lamps flicker. A conductor waves.");
        assertThat(narrative.passage()).isEqualTo("The lamps flicker. A conductor waves. Rain taps the glass.");
        assertThat(stop.shownBeforeFailure()).isEqualTo(2);
        assertThat(stop.links()).containsExactly("openai", "anthropic");
    }

    @Test
    void markupAndAPassagePastItsLengthAreRefusedBeforeTheyAreShown() {
        var stream = new AnswerStream(stop, "openai", AnswerStream.Gate.OPEN);
        assertThatThrownBy(() -> stream.accept("A <b>bold</b> move. Then"))
                .isInstanceOf(SentenceRefusedException.class)
                .hasMessageContaining("plain text");

        var longer = new AnswerStream(stop, "openai", AnswerStream.Gate.OPEN);
        String sentence = "A long sentence about the night train and its lamps. ";
        assertThatThrownBy(() -> {
                    for (int i = 0; i < 60; i++) {
                        longer.accept(sentence);
                    }
                })
                .isInstanceOf(SentenceRefusedException.class)
                .hasMessageContaining("" + NarrativeValidator.MAX_PASSAGE);
        assertThat(stop.passageSoFar().length()).isLessThanOrEqualTo(NarrativeValidator.MAX_PASSAGE);
        assertThat(shown).noneMatch(text -> text.contains("<"));
    }

    @Test
    void anAnswerWithoutTheMarkerIsInvalidButWhatWasShownStays() {
        var stream = new AnswerStream(stop, "openai", AnswerStream.Gate.OPEN);
        stream.accept("The lamps flicker. A conductor waves.");

        assertThatThrownBy(stream::finish).isInstanceOf(InvalidNarrativeException.class);
        assertThat(shown).containsExactly("The lamps flicker.");
        assertThat(stream.received()).isEqualTo("The lamps flicker. A conductor waves.");
    }
}
