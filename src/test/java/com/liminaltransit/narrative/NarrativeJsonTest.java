package com.liminaltransit.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.io.StringReader;
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

    @Test
    void paddingAModelAddsIsGoneBeforeTheTextIsMeasuredAndStored() {
        // given a passage just under the limit, padded far over it, and a padded summary and label
        String passage = "The lamps dim. ".repeat(130).strip();
        String reply = "{\"passage\": \"  \\n\\n" + passage + " ".repeat(3000) + "\\r\\n\", "
                + "\"choices\": [{\"id\": \" a \", \"label\": \"  Sit \\t down \"}, "
                + "{\"id\": \"b\", \"label\": \"Walk on\"}], "
                + "\"ending\": false, \"summary\": \"  You boarded.\\n\\nThe lamps dimmed.  \"}";
        // when
        Narrative narrative = NarrativeJson.parse(reply);
        // then what the validator measures is exactly what a column receives
        assertThat(narrative.passage()).isEqualTo(passage);
        assertThat(narrative.passage().length()).isLessThanOrEqualTo(NarrativeValidator.MAX_PASSAGE);
        assertThat(narrative.summary()).isEqualTo("You boarded. The lamps dimmed.");
        assertThat(narrative.choices()).extracting(ChoiceOption::id).containsExactly("a", "b");
        assertThat(narrative.choices()).extracting(ChoiceOption::label).containsExactly("Sit down", "Walk on");
        assertThat(NarrativeValidator.validate(narrative).valid()).isTrue();
        assertThat(narrative.normalised()).isEqualTo(narrative);
    }

    @Test
    void paragraphsKeepOneBlankLineAndTextIsComposed() {
        // given paragraphs with runs of blank lines and spaces, and a decomposed accent
        String reply = "{\"passage\": \"Caf\\u0065\\u0301  lights.\\r\\n\\r\\n\\r\\n  \\tA door opens.\\nIt closes.\", "
                + "\"choices\": [], \"ending\": true, \"summary\": \"s\"}";
        // when
        Narrative narrative = NarrativeJson.parse(reply);
        // then
        assertThat(narrative.passage()).isEqualTo("Caf\u00e9 lights.\n\nA door opens.\nIt closes.");
    }

    @Test
    void objectsAVendorParsedAreNormalisedToo() {
        // given a tool-use input with padding
        JsonObject input = Jsonp.JSON
                .createReader(new StringReader(
                        "{\"passage\": \" p \", \"choices\": [], \"ending\": true, \"summary\": \"\\n s \"}"))
                .readObject();
        // when
        Narrative narrative = NarrativeJson.fromObject(input);
        // then
        assertThat(narrative.passage()).isEqualTo("p");
        assertThat(narrative.summary()).isEqualTo("s");
    }

    @Test
    void threeHundredKilobytesOfOpeningBracesAreRefusedAsTooLong() {
        // given the reply that cost 10 CPU-seconds when every brace was tried
        String reply = "{".repeat(300 * 1024);
        // when / then
        assertThatThrownBy(() -> NarrativeJson.parse(reply))
                .isInstanceOf(InvalidNarrativeException.class)
                .hasMessageContaining("more than " + NarrativeJson.MAX_REPLY_CHARS);
    }

    @Test
    void bracesUpToTheLengthCapHoldNoObject() {
        // given as many opening braces as the cap allows
        String reply = "{".repeat(NarrativeJson.MAX_REPLY_CHARS);
        // when / then
        assertThatThrownBy(() -> NarrativeJson.parse(reply))
                .isInstanceOf(InvalidNarrativeException.class)
                .hasMessageContaining("no JSON object");
    }

    @Test
    void objectAfterTensOfThousandsOfStrayBracesIsStillFound() {
        // given stray opening braces (none closed) and then the object
        String reply = "{".repeat(60_000) + "\n" + OBJECT;
        // when
        Narrative narrative = NarrativeJson.parse(reply);
        // then
        assertThat(narrative.choices()).hasSize(2);
    }

    @Test
    void objectAfterStrayClosingBracesAndQuotesIsFound() {
        // given prose full of closing braces and quotes before the object
        String reply = "}\"".repeat(30_000) + OBJECT;
        // when / then
        assertThat(NarrativeJson.parse(reply).choices()).hasSize(2);
    }

    @Test
    void deeplyNestedObjectsAreAnswerNotACrash() {
        // given objects nested far deeper than any parser's stack should go
        String reply = "{\"a\":".repeat(20_000) + OBJECT + "}".repeat(20_000);
        // when / then
        assertThatThrownBy(() -> NarrativeJson.parse(reply)).isInstanceOf(InvalidNarrativeException.class);
    }

    @Test
    void thousandsOfStrayObjectsMakeTheSearchGiveUp() {
        // given more stray objects than the search reads before the real one
        String reply = "{}".repeat(40_000) + OBJECT;
        // when / then
        assertThatThrownBy(() -> NarrativeJson.parse(reply))
                .isInstanceOf(InvalidNarrativeException.class)
                .hasMessageContaining("no JSON object");
    }

    @Test
    void longUnterminatedStringsAreReadAFewTimesAtMost() {
        // given many nested objects whose one string never ends
        String reply = "{\"a\": ".repeat(500) + "\"" + "x".repeat(90_000);
        // when / then
        assertThatThrownBy(() -> NarrativeJson.parse(reply)).isInstanceOf(InvalidNarrativeException.class);
    }

    @Test
    void theSearchReadsOnlyBalancedBracesAndTheFirstFew() {
        // given replies that are all braces
        String opening = "{".repeat(NarrativeJson.MAX_REPLY_CHARS);
        String nested = "{".repeat(1000) + "}".repeat(1000);
        // when the one pass picks where JSON-P may start
        // then unclosed braces give only the first four starts, and braces inside strings none
        assertThat(NarrativeJson.candidates(opening).cardinality()).isEqualTo(4);
        assertThat(NarrativeJson.candidates(nested).cardinality()).isEqualTo(1000);
        assertThat(NarrativeJson.candidates("x {\"a\": \"{{{{{{{{\"} y").stream())
                .containsExactly(2);
        assertThat(NarrativeJson.candidates("x {\"a\": \"\\\"{\"} y").stream()).containsExactly(2);
    }

    @Test
    void oddQuoteInProseBeforeAnUnclosedBraceDoesNotHideTheObject() {
        // given prose that opens a brace and a quote it never closes, then the object with a lone brace in its text
        String reply =
                "Sure { here it is, \"the next stop:\n" + OBJECT.replace("a lantern swings", "a { lantern swings");
        // when
        Narrative narrative = NarrativeJson.parse(reply);
        // then
        assertThat(narrative.passage()).contains("a { lantern");
    }

    @Test
    void nestedContractObjectIsFound() {
        // given the object wrapped by a vendor-like envelope
        String reply = "{\"result\": " + OBJECT + "}";
        // when / then
        assertThat(NarrativeJson.parse(reply).choices()).hasSize(2);
    }
}
