package com.liminaltransit.narrative.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.StepNeeds;
import com.liminaltransit.narrative.StoryContext;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the chain reads before each call: what a step needs, and whether a model serves it (and if not, why). */
class CapabilitiesTest {

    private static final ModelCapabilities ENGLISH = new ModelCapabilities(8_192, false, false, Set.of("en"));
    private static final ModelCapabilities MANY = new ModelCapabilities(200_000, true, true, Set.of());

    @Test
    void aStepNeedsItsRidesLanguageAndEnglishWhenNoneIsGiven() {
        assertThat(StepNeeds.of(StoryContext.boarding("r", 1, "ja"))).isEqualTo(new StepNeeds("ja", false, false));
        assertThat(StepNeeds.of(StoryContext.boarding("r", 1, null)).language()).isEqualTo("en");
        assertThat(StepNeeds.of(StoryContext.boarding("r", 1, " ")).language()).isEqualTo("en");
    }

    @Test
    void languageTagsAreReadInTheirCanonicalCase() {
        assertThat(new StepNeeds("pt_br", false, false).language()).isEqualTo("pt-BR");
        assertThat(new StepNeeds("ZH-hant-tw", false, false).language()).isEqualTo("zh-Hant-TW");
    }

    @Test
    void aModelThatWritesEnglishOnlyDoesNotServeJapaneseAndSaysSo() {
        assertThat(ENGLISH.unmet(new StepNeeds("ja", false, false))).contains("does not write ja");
        assertThat(ENGLISH.serves(new StepNeeds("ja", false, false))).isFalse();
    }

    @Test
    void thePrimaryLanguageDecides() {
        assertThat(ENGLISH.serves(new StepNeeds("en-GB", false, false))).isTrue();
        assertThat(new ModelCapabilities(1, false, false, Set.of("pt-BR")).serves(new StepNeeds("pt", false, false)))
                .isTrue();
        assertThat(new ModelCapabilities(1, false, false, Set.of("pt-BR")).serves(new StepNeeds("es", false, false)))
                .isFalse();
    }

    @Test
    void noLanguagesListedMeansEveryLanguage() {
        assertThat(MANY.unmet(new StepNeeds("ja", false, false))).isEmpty();
    }

    @Test
    void streamingAndJsonModeAreNeedsAModelMayNotServe() {
        StepNeeds streamed = new StepNeeds("en", false, false).streamed();

        assertThat(ENGLISH.unmet(streamed)).contains("does not stream");
        assertThat(ENGLISH.unmet(new StepNeeds("en", false, true))).contains("has no JSON mode");
        assertThat(MANY.serves(streamed)).isTrue();
        assertThat(MANY.serves(new StepNeeds("en", true, true))).isTrue();
    }

    @Test
    void theLanguageIsTheFirstReasonGiven() {
        assertThat(ENGLISH.unmet(new StepNeeds("fr", true, true))).contains("does not write fr");
    }

    @Test
    void aModelThatDoesNotWriteTheAskedLanguageWritesItsOwn() {
        ModelCapabilities englishOnly = new ModelCapabilities(8_000, false, false, Set.of("en"));
        ModelCapabilities many = new ModelCapabilities(8_000, false, false, Set.of());

        assertThat(englishOnly.writtenIn("ja")).isEqualTo("en");
        assertThat(englishOnly.writtenIn("en-GB")).isEqualTo("en-GB");
        assertThat(many.writtenIn("ja")).isEqualTo("ja");
    }

    @Test
    void anOperatorMayDeclareTheLanguagesOfAModel() {
        ModelCapabilities many = new ModelCapabilities(8_000, true, false, Set.of());
        ModelCapabilities englishOnly = new ModelCapabilities(8_000, true, false, Set.of("en"));

        assertThat(many.withLanguages(List.of("ja", " es ", "")).languages()).containsExactlyInAnyOrder("ja", "es");
        assertThat(englishOnly.withLanguages(List.of("*")).writes("ja")).isTrue();
        assertThat(englishOnly.withLanguages(null)).isSameAs(englishOnly);
        assertThat(englishOnly.withLanguages(List.of(" "))).isSameAs(englishOnly);
    }
}
