package com.liminaltransit.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NarrativeJsonTest {

    private static final String OBJECT = """
            {"passage": "The carriage hums; a lantern swings above an empty seat that is still warm.",
             "choices": [{"id": "a", "label": "Sit down"}, {"id": "b", "label": "Walk on"}],
             "ending": false, "summary": "You boarded."}""";

    @Test
    void plainJsonIsRead() {
        // given a reply that is only the object
        // when
        Narrative narrative = NarrativeJson.parse(OBJECT);
        // then
        assertThat(narrative.passage()).startsWith("The carriage hums");
        assertThat(narrative.choices()).extracting(ChoiceOption::id).containsExactly("a", "b");
        assertThat(narrative.ending()).isFalse();
        assertThat(narrative.summary()).isEqualTo("You boarded.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "```json\n%s\n```",
                "Here is the next stop:\n%s\nEnjoy the ride!",
                "Sure! {not json} and then ```%s``` trailing {",
                "{\"note\": \"first a stray object\"} %s"
            })
    void objectIsFoundInsideFencesAndProse(String wrapper) {
        // given a reply that wraps the object
        String reply = wrapper.formatted(OBJECT);
        // when
        Narrative narrative = NarrativeJson.parse(reply);
        // then
        assertThat(narrative.choices()).hasSize(2);
    }

    @Test
    void braceInsideAStringDoesNotConfuseTheSearch() {
        // given a passage that itself contains braces
        String reply = "note: {\"passage\": \"A sign reads {closed} in chalk, and the door is open.\", "
                + "\"choices\": [], \"ending\": true, \"summary\": \"It ends.\"}";
        // when
        Narrative narrative = NarrativeJson.parse(reply);
        // then
        assertThat(narrative.passage()).contains("{closed}");
        assertThat(narrative.ending()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "I cannot write that.",
                "{\"passage\": \"unterminated",
                "[1, 2, 3]",
                "{\"story\": \"no passage key\"}"
            })
    void replyWithoutAContractObjectIsInvalid(String reply) {
        // when / then
        assertThatThrownBy(() -> NarrativeJson.parse(reply)).isInstanceOf(InvalidNarrativeException.class);
    }

    @Test
    void wrongFieldTypesAreInvalidNotACrash() {
        // given choices that are strings, not objects
        String reply = "{\"passage\": \"x\", \"choices\": [\"a\", \"b\"], \"summary\": \"s\"}";
        // when / then
        assertThatThrownBy(() -> NarrativeJson.parse(reply))
                .isInstanceOf(InvalidNarrativeException.class)
                .hasMessageContaining("choice");
    }

    @Test
    void missingEndingMeansNotAnEnding() {
        // given
        String reply = "{\"passage\": \"p\", \"choices\": [], \"summary\": \"s\"}";
        // when / then
        assertThat(NarrativeJson.parse(reply).ending()).isFalse();
    }
}
