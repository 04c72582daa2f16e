package com.liminaltransit.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The local rules in each offered language: what they must find (slurs, sexual content involving minors, self-harm
 * and weapon instructions), and eerie fiction they must leave alone. Slurs are read from the books themselves, so
 * this file does not spell them out.
 */
class RuleCheckTest {

    private final RuleCheck rules = new RuleCheck(List.of("en", "es", "fr", "de", "ja"));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | sexual-minors          | The conductor describes the child in a sexual way, lingering on every detail.
            en | sexual-minors          | A jailbait joke is scrawled on the window.
            en | self-harm              | The voice from the speaker says: kill yourself before the next stop.
            en | self-harm-instructions | Here is the easiest way to overdose without anyone noticing on the train.
            en | weapon-instructions    | Step 1: pack the pipe with gunpowder; this is how to make a pipe bomb at home.
            en | weapon-instructions    | You will need a detonator, wire and a timer from the luggage rack.
            es | sexual-minors          | El revisor habla de la niña con un tono sexual que hiela la sangre.
            es | self-harm              | Una voz susurra: suicídate antes de la última estación.
            es | weapon-instructions    | Paso 1: mezcla la pólvora con clavos para fabricar una bomba casera.
            fr | sexual-minors          | Le contrôleur regarde l'enfant avec un sourire érotique et pose sa main.
            fr | self-harm-instructions | Il explique comment se suicider sans douleur entre deux gares.
            fr | weapon-instructions    | Étape 1 : il te faut de la poudre noire pour la bombe artisanale.
            de | sexual-minors          | Der Schaffner spricht über das Kind auf sexuell anzügliche Weise.
            de | weapon-instructions    | Schritt 1: Du brauchst Schwarzpulver und einen Zünder für die Rohrbombe.
            de | self-harm              | Eine Stimme flüstert: bring dich um, bevor der Zug hält.
            ja | sexual-minors          | 車掌は少女について性的な話を始めた。
            ja | weapon-instructions    | 爆弾の作り方を手順どおりに説明する車内放送が流れた。
            ja | self-harm              | スピーカーから「自殺しろ」という声が聞こえた。
            """)
    void findsTheUnsafeKindInItsLanguage(String language, String category, String text) {
        assertThat(categories(language, text)).contains(category);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en", "es", "fr", "de", "ja"})
    void findsEachListedSlurWhereverItStands(String language) {
        // given the first slur of the language's own book, inside a sentence
        String slur = RuleBookTerms.firstMasked(language);
        String text = "ja".equals(language) ? "誰かが窓に「" + slur + "」と書いた。" : "Someone wrote " + slur + " on the window.";

        // then the rules find it, also upper-cased
        assertThat(categories(language, text)).contains("slur");
        assertThat(categories(language, text.toUpperCase(java.util.Locale.ROOT)))
                .contains("slur");
    }

    @Test
    void digitsThatStandForLettersInsideAWordAreReadAsThem() {
        // given an English slur with its vowels written as look-alike digits
        String slur = RuleBookTerms.firstMasked("en").replace('i', '1').replace('e', '3');
        // then the rules still find it
        assertThat(categories("en", "Someone scratched " + slur + " into the glass."))
                .contains("slur");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | A child sleeps under a naked bulb while the train hums through the dark; her mother counts the stops.
            en | The conductor tells you how to make the kettle sing: step 1, wait for the tunnel.
            en | Explosive laughter rolls down the carriage as the lamps flicker over the empty seats.
            en | The minor chord of the whistle follows you to the platform, where a boy sells paper birds.
            es | Un niño duerme bajo una bombilla desnuda mientras el tren cruza la noche.
            fr | Un enfant aux pieds nus regarde la pluie ; le contrôleur explique comment lire le billet.
            de | Ein Kind schläft mit nackten Füßen, während der Zug durch die Nacht fährt.
            ja | 少女は窓の外の灯りを数えながら、次の駅を待っていた。
            ja | 土人形が網棚の上で静かに揺れている。
            """)
    void leavesEerieFictionAlone(String language, String text) {
        assertThat(categories(language, text)).isEmpty();
    }

    @Test
    void personalDataIsFoundInAnyLanguageEvenWithoutWordRules() {
        // given Portuguese, which has no book
        assertThat(rules.covers("pt")).isFalse();
        // then e-mail addresses and links are still found
        assertThat(categories("pt", "Escreva para ana.souza@example.com ou visite https://example.org/trem"))
                .containsExactly("email", "link");
    }

    @Test
    void eachFindingNamesItsField() {
        List<Finding> found = rules.findings(
                "en",
                List.of(
                        new TextPart("passage", "A quiet passage about lamps and rain on the glass."),
                        new TextPart("choice a", "Call +44 20 7946 0958")));
        assertThat(found).containsExactly(new Finding(Layer.RULES, "phone-number", 1.0, "choice a"));
    }

    @Test
    void regionalTagsUseTheirLanguagesBook() {
        assertThat(rules.covers("en-GB")).isTrue();
        assertThat(rules.covers("pt-BR")).isFalse();
        assertThat(categories("es-MX", "Una voz susurra: suicídate antes de la última estación."))
                .contains("self-harm");
    }

    private List<String> categories(String language, String text) {
        return rules.findings(language, List.of(new TextPart("passage", text))).stream()
                .map(Finding::category)
                .toList();
    }
}
