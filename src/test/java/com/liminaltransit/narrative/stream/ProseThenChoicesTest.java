package com.liminaltransit.narrative.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.NarrativeValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProseThenChoicesTest {

    private static final String ANSWER = """
            The carriage sways. A lamp flickers over an empty seat.
            Someone has left a ticket, still warm.
            === CHOICES ===
            {"summary": "A warm ticket on an empty seat.", "ending": false,
             "choices": [{"id": "take", "label": "Take the ticket"}, {"id": "leave", "label": "Leave it"}]}
            """;

    @ParameterizedTest(name = "in pieces of {0}")
    @ValueSource(ints = {1, 2, 3, 7, 16, 1000})
    void releasesTheProseSentenceBySentenceAndReadsTheChoicesAfterTheMarker(int piece) {
        var answer = new ProseThenChoices(Locale.ENGLISH);
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < ANSWER.length(); i += piece) {
            answer.feed(ANSWER.substring(i, Math.min(ANSWER.length(), i + piece)))
                    .forEach(sentence -> shown.add(sentence.text()));
        }
        var narrative = answer.finish();

        assertThat(shown)
                .containsExactly(
                        "The carriage sways.",
                        "A lamp flickers over an empty seat.",
                        "Someone has left a ticket, still warm.");
        assertThat(narrative.passage())
                .isEqualTo(
                        "The carriage sways. A lamp flickers over an empty seat. Someone has left a ticket, still warm.");
        assertThat(narrative.choices())
                .containsExactly(new ChoiceOption("take", "Take the ticket"), new ChoiceOption("leave", "Leave it"));
        assertThat(narrative.summary()).isEqualTo("A warm ticket on an empty seat.");
        assertThat(NarrativeValidator.validate(narrative).valid()).isTrue();
    }

    @Test
    void neverReleasesTheMarkerOrTheJson() {
        var answer = new ProseThenChoices(Locale.ENGLISH);
        List<Sentence> shown = new ArrayList<>(answer.feed("It rains. Then it stops\n=== CHO"));
        assertThat(shown).extracting(Sentence::text).containsExactly("It rains.");
        shown.addAll(answer.feed("ICES ===\n{\"summary\": \"Rain. The end.\", \"ending\": true, \"choices\": []}"));
        assertThat(answer.proseEnded()).isTrue();
        assertThat(shown).extracting(Sentence::text).containsExactly("It rains.", "Then it stops");
        assertThat(answer.finish().ending()).isTrue();
    }

    @Test
    void aMarkerInsideALineIsProse() {
        var answer = new ProseThenChoices(Locale.ENGLISH);
        answer.feed("The sign reads === CHOICES === in red. It hums.\n=== CHOICES ===\n");
        answer.feed(
                "```json\n{\"summary\": \"A sign.\", \"ending\": false, \"choices\": [{\"id\": \"a\", \"label\": \"Go\"}]}\n```");
        assertThat(answer.finish().passage()).isEqualTo("The sign reads === CHOICES === in red. It hums.");
    }

    @Test
    void anAnswerWithoutTheMarkerOrWithBrokenJsonIsInvalid() {
        var noMarker = new ProseThenChoices(Locale.ENGLISH);
        noMarker.feed("Only prose. Nothing else.");
        assertThatThrownBy(noMarker::finish).isInstanceOf(InvalidNarrativeException.class);

        var broken = new ProseThenChoices(Locale.ENGLISH);
        broken.feed("Prose.\n=== CHOICES ===\n{\"choices\": [");
        assertThatThrownBy(broken::finish).isInstanceOf(InvalidNarrativeException.class);
        assertThat(broken.released()).extracting(Sentence::text).containsExactly("Prose.");
    }

    @Test
    void japaneseProseIsCutAtItsOwnFullStops() {
        var answer = new ProseThenChoices(Locale.JAPANESE);
        var shown = answer.feed("電車が止まる。扉が開く。\n=== CHOICES ===\n{}");
        assertThat(shown).extracting(Sentence::text).containsExactly("電車が止まる。", "扉が開く。");
    }
}
