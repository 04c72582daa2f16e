package com.liminaltransit.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTranscriptTest {

    @Test
    void titleAndStopsAreUnderlinedHeadings() {
        String text = PlainTextTranscript.render(Transcripts.of(SampleRides.ended()));

        assertThat(text)
                .startsWith("The night train from Hollow Quay\n================================\n\n"
                        + "Boarded on 2 December 2026 · 4 stops · Liminal Transit\n");
        assertThat(text)
                .contains("\nBOARDING\n--------\n\n", "\nSTOP 1\n------\n\n", "\nTERMINUS\n--------\n\n")
                .contains("You chose: Sit by the window\n")
                .contains("THE END OF THE LINE.\n")
                .contains("DOORS NOT TAKEN\n---------------\n\n* Boarding: Walk to the front\n");
    }

    @Test
    void modelTextIsKeptAsWritten() {
        String text = PlainTextTranscript.render(Transcripts.of(SampleRides.ended()));

        // (compared with line breaks as spaces: long lines are wrapped)
        String words = text.replaceAll("\\s+", " ");
        for (String line : SampleRides.HOSTILE_LINES) {
            assertThat(words).contains(line.strip());
        }
        assertThat(words).contains("You chose: " + SampleRides.HOSTILE_LABEL);
    }

    @Test
    void longLinesWrapAtSeventyTwoColumnsBetweenWords() {
        String sentence = "The carriage sways and the lamps swing with it, and somewhere ahead the engine hums a "
                + "note you almost remember from a song your grandmother sang when the nights were long.";
        String text = PlainTextTranscript.render(Transcripts.of(SampleRides.boarding(sentence, "x")));

        List<String> lines = text.lines().toList();
        assertThat(lines)
                .allSatisfy(line -> assertThat(line.codePointCount(0, line.length()))
                        .isLessThanOrEqualTo(PlainTextTranscript.WIDTH));
        assertThat(String.join(" ", lines.subList(8, 11))).isEqualTo(sentence);
    }

    @Test
    void aWordLongerThanALineStaysWhole() {
        String word = "x".repeat(100);
        StringBuilder out = new StringBuilder();

        PlainTextTranscript.wrap(out, "before " + word + " after");

        assertThat(out.toString()).isEqualTo("before\n" + word + "\nafter\n");
    }

    @Test
    void anOpenStopListsItsChoices() {
        String text = PlainTextTranscript.render(Transcripts.of(SampleRides.open()));

        assertThat(text).contains("Not yet chosen: Go left · Go right").doesNotContain("END OF THE LINE");
    }
}
