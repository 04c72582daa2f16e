package com.liminaltransit.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NarrativeValidatorTest {

    private static final String PASSAGE = "The carriage sways. A woman in a grey coat folds a map that shows no towns.";
    private static final List<ChoiceOption> TWO =
            List.of(new ChoiceOption("a", "Ask her where it leads"), new ChoiceOption("b", "Look out of the window"));

    @Test
    void wellFormedStepIsValid() {
        ValidationResult result = NarrativeValidator.validate(new Narrative(PASSAGE, TWO, false, "You boarded."));

        assertThat(result.valid()).isTrue();
        assertThat(result.complaint()).isEmpty();
    }

    @Test
    void endingWithoutChoicesIsValid() {
        assertThat(NarrativeValidator.validate(new Narrative(PASSAGE, List.of(), true, "It ended."))
                        .valid())
                .isTrue();
    }

    @Test
    void endingThatStillOffersChoicesIsRejected() {
        ValidationResult result = NarrativeValidator.validate(new Narrative(PASSAGE, TWO, true, "It ended."));

        assertThat(result.problems()).containsExactly("an ending must offer no choices");
    }

    @Test
    void tooFewOrTooManyChoicesAreRejected() {
        List<ChoiceOption> one = TWO.subList(0, 1);
        List<ChoiceOption> five = List.of(
                new ChoiceOption("a", "1"),
                new ChoiceOption("b", "2"),
                new ChoiceOption("c", "3"),
                new ChoiceOption("d", "4"),
                new ChoiceOption("e", "5"));

        assertThat(NarrativeValidator.validate(new Narrative(PASSAGE, one, false, "s"))
                        .complaint())
                .contains("offer 2 to 4 choices, not 1");
        assertThat(NarrativeValidator.validate(new Narrative(PASSAGE, five, false, "s"))
                        .complaint())
                .contains("not 5");
    }

    @Test
    void choicesThatRepeatAnIdOrALabelAreRejected() {
        List<ChoiceOption> sameId = List.of(new ChoiceOption("a", "Stay"), new ChoiceOption("a", "Go"));
        List<ChoiceOption> sameLabel =
                List.of(new ChoiceOption("a", "Stay seated"), new ChoiceOption("b", "  stay   SEATED "));

        assertThat(NarrativeValidator.validate(new Narrative(PASSAGE, sameId, false, "s"))
                        .complaint())
                .contains("used twice");
        assertThat(NarrativeValidator.validate(new Narrative(PASSAGE, sameLabel, false, "s"))
                        .complaint())
                .contains("same label");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "a <b>bold</b> move",
                "[[${T(java.lang.Runtime)}]]",
                "{{summary}}",
                "&lt;tag&gt;",
                "[(${x})]",
                "<!-- hidden -->",
                "< img src=x>",
                "&#60;",
                "<?xml",
                "</p>",
                "&amp;"
            })
    void markupInAnyFieldIsRejected(String markup) {
        String passage = PASSAGE + " " + markup;

        assertThat(NarrativeValidator.validate(new Narrative(passage, TWO, false, "s"))
                        .complaint())
                .contains("passage must be plain text");
        assertThat(NarrativeValidator.validate(new Narrative(
                                PASSAGE,
                                List.of(new ChoiceOption("a", markup), new ChoiceOption("b", "Wait")),
                                false,
                                "s"))
                        .complaint())
                .contains("choice label must be plain text");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Fewer than 3 < 4 lamps are lit.",
                "Salt & pepper; bread.",
                "A [note] and {braces}.",
                "It ends with <",
                "It ends with &"
            })
    void proseThatOnlyLooksLikeMarkupIsAllowed(String prose) {
        assertThat(NarrativeValidator.validate(new Narrative(PASSAGE + " " + prose, TWO, false, "s"))
                        .valid())
                .isTrue();
    }

    @Test
    void controlAndDirectionOverrideCharactersAreRejected() {
        assertThat(NarrativeValidator.validate(new Narrative(PASSAGE + "\u202E", TWO, false, "s"))
                        .complaint())
                .contains("control or direction-override");
        assertThat(NarrativeValidator.validate(new Narrative(PASSAGE + "\u0007", TWO, false, "s"))
                        .valid())
                .isFalse();
    }

    @Test
    void emptyShortAndOverlongTextsAreRejected() {
        assertThat(NarrativeValidator.validate(new Narrative("", TWO, false, "s"))
                        .complaint())
                .contains("passage is empty");
        assertThat(NarrativeValidator.validate(new Narrative("Too short.", TWO, false, "s"))
                        .complaint())
                .contains("shorter than 40");
        assertThat(NarrativeValidator.validate(new Narrative("x".repeat(2001), TWO, false, "s"))
                        .complaint())
                .contains("longer than 2000");
        assertThat(NarrativeValidator.validate(new Narrative(PASSAGE, TWO, false, " "))
                        .complaint())
                .contains("summary is empty");
    }

    @Test
    void choiceIdsMustBeShortLowerCaseTokens() {
        List<ChoiceOption> badIds = List.of(new ChoiceOption("A", "Stay"), new ChoiceOption("b c", "Go"));

        assertThat(NarrativeValidator.validate(new Narrative(PASSAGE, badIds, false, "s"))
                        .problems())
                .contains("choice ids must be 1-8 lower-case letters or digits");
    }

    @Test
    void missingNarrativeIsRejected() {
        assertThat(NarrativeValidator.validate(null).valid()).isFalse();
    }
}
