package com.liminaltransit.narrative.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentenceSplitterTest {

    static Stream<Arguments> passages() {
        return Stream.of(
                // English
                Arguments.of("en", "The train stops. A door opens.", List.of("The train stops.", "A door opens.")),
                Arguments.of("en", "Is it late? It is! Run.", List.of("Is it late?", "It is!", "Run.")),
                Arguments.of(
                        "en", "Mr. Hale waves. Dr. Osei does not.", List.of("Mr. Hale waves.", "Dr. Osei does not.")),
                Arguments.of(
                        "en",
                        "Bring a lamp, e.g. the brass one. Then wait.",
                        List.of("Bring a lamp, e.g. the brass one.", "Then wait.")),
                Arguments.of("en", "Take i.e. Nothing. Go.", List.of("Take i.e. Nothing.", "Go.")),
                Arguments.of(
                        "en",
                        "He waited... and waited. Then... Nothing.",
                        List.of("He waited... and waited.", "Then...", "Nothing.")),
                Arguments.of("en", "It hums… Then silence.", List.of("It hums…", "Then silence.")),
                Arguments.of(
                        "en",
                        "\"Stop.\" She left. \"Why?\" he asked.",
                        List.of("\"Stop.\"", "She left.", "\"Why?\" he asked.")),
                Arguments.of(
                        "en",
                        "“Platform nine.” “No,” she said. ‘Ten.’ Fine.",
                        List.of("“Platform nine.”", "“No,” she said.", "‘Ten.’", "Fine.")),
                Arguments.of("en", "(It was cold.) You shiver.", List.of("(It was cold.)", "You shiver.")),
                Arguments.of("en", "Pi is 3.14 here. Odd.", List.of("Pi is 3.14 here.", "Odd.")),
                Arguments.of(
                        "en", "J. R. R. Tolkien rode here. Once.", List.of("J. R. R. Tolkien rode here.", "Once.")),
                Arguments.of("en", "What?! No!!! Yes.", List.of("What?!", "No!!!", "Yes.")),
                Arguments.of("en", "A sentence without a stop", List.of("A sentence without a stop")),
                Arguments.of("en", "", List.of()),
                Arguments.of("en", "   \n\n  ", List.of()),
                Arguments.of(
                        "en",
                        "The lights dim\n\nA new carriage. Empty.",
                        List.of("The lights dim", "A new carriage.", "Empty.")),
                // Spanish
                Arguments.of("es", "¿Vienes? ¡Claro! Vamos.", List.of("¿Vienes?", "¡Claro!", "Vamos.")),
                Arguments.of(
                        "es",
                        "¿Vienes?, preguntó. La Sra. Ruiz asiente.",
                        List.of("¿Vienes?, preguntó.", "La Sra. Ruiz asiente.")),
                Arguments.of("es", "—¡Corre! —gritó. El tren parte.", List.of("—¡Corre!", "—gritó.", "El tren parte.")),
                Arguments.of("es", "Espera… ¿Oyes eso? Nada.", List.of("Espera…", "¿Oyes eso?", "Nada.")),
                // French
                Arguments.of(
                        "fr",
                        "« Bonjour ! » dit-il. Mme Laurent sourit.",
                        List.of("« Bonjour ! » dit-il.", "Mme Laurent sourit.")),
                Arguments.of("fr", "Quoi ? Non ! Jamais.", List.of("Quoi ?", "Non !", "Jamais.")),
                Arguments.of(
                        "fr",
                        "« Vraiment ? » Le contrôleur hausse les épaules.",
                        List.of("« Vraiment ? »", "Le contrôleur hausse les épaules.")),
                Arguments.of("fr", "Quoi\u202F? Non\u00A0! Bon.", List.of("Quoi\u202F?", "Non\u00A0!", "Bon.")),
                // German
                Arguments.of(
                        "de",
                        "Am 3. Oktober hält der Zug. Er wartet.",
                        List.of("Am 3. Oktober hält der Zug.", "Er wartet.")),
                Arguments.of(
                        "de",
                        "Nimm z. B. die Lampe. Oder z.B. Kerzen. Hr. Weber nickt.",
                        List.of("Nimm z. B. die Lampe.", "Oder z.B. Kerzen.", "Hr. Weber nickt.")),
                Arguments.of("de", "„Halt!“ Sie steigt aus. Wohin?", List.of("„Halt!“", "Sie steigt aus.", "Wohin?")),
                Arguments.of("en", "Chapter 3. Lights.", List.of("Chapter 3.", "Lights.")),
                // Japanese
                Arguments.of("ja", "電車が止まる。扉が開く！誰？", List.of("電車が止まる。", "扉が開く！", "誰？")),
                Arguments.of("ja", "「行こう。」と彼は言った。外は暗い。", List.of("「行こう。」と彼は言った。", "外は暗い。")),
                Arguments.of("ja", "「はい。行きます。」駅は静かだ。", List.of("「はい。行きます。」", "駅は静かだ。")),
                Arguments.of("ja", "『終点。』彼女は眠る。", List.of("『終点。』", "彼女は眠る。")),
                Arguments.of("ja", "灯りが消える……。静か。", List.of("灯りが消える……。", "静か。")));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("passages")
    void splitsWholeText(String language, String text, List<String> expected) {
        assertEquals(expected, texts(SentenceSplitter.split(text, Locale.of(language))));
    }

    @ParameterizedTest(name = "[{0}] one char at a time: {1}")
    @MethodSource("passages")
    void splitsTheSameWhenTextArrivesOneCharacterAtATime(String language, String text, List<String> expected) {
        var splitter = new SentenceSplitter(Locale.of(language));
        var got = new ArrayList<Sentence>();
        text.codePoints().forEach(cp -> got.addAll(splitter.feed(Character.toString(cp))));
        got.addAll(splitter.finish());
        assertEquals(expected, texts(got));
    }

    @ParameterizedTest(name = "[{0}] in chunks of three: {1}")
    @MethodSource("passages")
    void splitsTheSameInUnevenChunks(String language, String text, List<String> expected) {
        var splitter = new SentenceSplitter(Locale.of(language));
        var got = new ArrayList<Sentence>();
        for (int i = 0; i < text.length(); i += 3) {
            got.addAll(splitter.feed(text.substring(i, Math.min(text.length(), i + 3))));
        }
        got.addAll(splitter.finish());
        assertEquals(expected, texts(got));
    }

    @Test
    void releasesASentenceOnlyOnceTheTextAfterItIsSeen() {
        var splitter = new SentenceSplitter(Locale.ENGLISH);
        assertEquals(List.of(), splitter.feed("Mr."));
        assertEquals(List.of(), splitter.feed(" Hale"), "an abbreviation is not a sentence end");
        assertEquals(List.of(), splitter.feed(" waits."), "the end is not known until what follows is seen");
        assertEquals(List.of("Mr. Hale waits."), texts(splitter.feed(" The")));
        assertEquals(" The", splitter.pending());
        assertEquals(List.of("The"), texts(splitter.finish()));
    }

    @Test
    void marksTheSentencesThatOpenAParagraph() {
        var sentences = SentenceSplitter.split("One. Two.\n\nThree. Four.\nFive.", Locale.ENGLISH);
        assertEquals(List.of("One.", "Two.", "Three.", "Four.", "Five."), texts(sentences));
        assertEquals(
                List.of(true, false, true, false, false),
                sentences.stream().map(Sentence::opensParagraph).toList());
    }

    @Test
    void paragraphsAreKeptWhenTheBlankLineArrivesInPieces() {
        var splitter = new SentenceSplitter(Locale.ENGLISH);
        var got = new ArrayList<Sentence>();
        for (var piece : List.of("One.", "\n", "\n", "Two.", " Three.")) {
            got.addAll(splitter.feed(piece));
        }
        got.addAll(splitter.finish());
        assertEquals(List.of("One.", "Two.", "Three."), texts(got));
        assertTrue(got.get(1).opensParagraph());
    }

    @Test
    void nothingIsLostOrAdded() {
        var text = "¿Qué? « Oui ! » dit-il. 「はい。」と言う。Mr. X left... Then—nothing. End";
        var joined = String.join("", texts(SentenceSplitter.split(text, Locale.ENGLISH)));
        assertEquals(text.replaceAll("\\s", ""), joined.replaceAll("\\s", ""));
    }

    private static List<String> texts(List<Sentence> sentences) {
        return sentences.stream().map(Sentence::text).toList();
    }
}
