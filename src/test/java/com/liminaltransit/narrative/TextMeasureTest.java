package com.liminaltransit.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lengths and cuts that do not assume spaces between words. */
class TextMeasureTest {

    private static final String JAPANESE = "列車は青いランプのトンネルを静かに進みます。車掌があなたにうなずき、窓際の席を指さします。";

    @Test
    void japaneseIsMeasuredInCharactersAndOtherLanguagesInWords() {
        assertThat(TextMeasure.unspaced("ja")).isTrue();
        assertThat(TextMeasure.unspaced("zh-Hant-TW")).isTrue();
        assertThat(TextMeasure.unspaced("de")).isFalse();
        assertThat(TextMeasure.length(JAPANESE, "ja")).isEqualTo(JAPANESE.length());
        assertThat(TextMeasure.length("The doors open onto a platform.", "en")).isEqualTo(6);
        assertThat(TextMeasure.length("Die Türen öffnen sich, leise.", "de")).isEqualTo(5);
    }

    @Test
    void charactersAreWhatAReaderCountsAsOne() {
        // an emoji with a skin tone and a flag are one character each; spaces are not counted
        assertThat(TextMeasure.characters("a 👋🏽 🇯🇵")).isEqualTo(3);
        assertThat(TextMeasure.characters("　列車　")).isEqualTo(2);
    }

    @Test
    void wordsAreFoundWithoutSpacesToo() {
        assertThat(TextMeasure.words(JAPANESE, "ja")).isGreaterThan(5);
        assertThat(TextMeasure.words("Le quai — désert, déjà.", "fr")).isEqualTo(4);
    }

    @Test
    void aJapaneseTextIsCutWithinItsBoundNeverInsideACharacter() {
        String cut = TextMeasure.cut(JAPANESE, 20);

        assertThat(cut).endsWith("…").hasSizeLessThanOrEqualTo(20);
        assertThat(JAPANESE).startsWith(cut.substring(0, cut.length() - 1));
        assertThat(TextMeasure.cut("👋🏽👋🏽👋🏽👋🏽👋🏽", 6)).isEqualTo("👋🏽…");
    }

    @Test
    void anEnglishTextIsCutAtAWordNearTheBound() {
        assertThat(TextMeasure.cut("The quiet conductor lifts a lantern over the sleeping carriage", 40))
                .isEqualTo("The quiet conductor lifts a lantern…");
        assertThat(TextMeasure.cut("short", 40)).isEqualTo("short");
    }

    @Test
    void tokensAreEstimatedPerCharacterForChineseAndJapanese() {
        assertThat(TextMeasure.estimateTokens("abcdefgh")).isEqualTo(2);
        assertThat(TextMeasure.estimateTokens("列車は青い")).isEqualTo(5);
        assertThat(TextMeasure.estimateTokens("")).isZero();
    }
}
