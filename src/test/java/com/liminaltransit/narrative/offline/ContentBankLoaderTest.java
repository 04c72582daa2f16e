package com.liminaltransit.narrative.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A writer's mistakes in a bank are refused with a message that names the part, the place and the mistake. */
class ContentBankLoaderTest {

    private static final BankText SHIPPED = BankText.shipped();

    @Test
    void theShippedBankHasNoProblems() {
        assertThat(OfflineProvider.problems(SHIPPED)).isEmpty();
    }

    @Test
    void brokenJsonNamesThePartLineAndColumn() {
        // given a scenes part with a comma missing on its third line
        BankText bank = SHIPPED.with("scenes-things.json", "{\"scenes\": [\n  {\"id\": \"x\"\n   \"setups\": []}]}");

        // when
        List<String> problems = OfflineProvider.problems(bank);

        // then
        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("scenes-things.json: not valid JSON at line 3, column"));
    }

    @Test
    void aMisspeltPlaceholderIsNamedWithItsScene() {
        // when
        List<String> problems = OfflineProvider.problems(replace("scenes-carriage.json", "{weather}", "{wether}"));

        // then
        assertThat(problems).anyMatch(p -> p.equals("scene seasons: setup: unknown placeholder {wether}"));
    }

    @Test
    void aPlaceholderTheSceneDoesNotBindIsRefusedWithAHint() {
        // given the corridor, which binds nobody, naming a passenger
        BankText bank = replace(
                "scenes-carriage.json",
                "You stretch your legs in the corridor,",
                "You stretch your legs beside {pshort} in the corridor,");

        // when / then
        assertThat(OfflineProvider.problems(bank))
                .anyMatch(p -> p.startsWith("scene corridor: setup: {pshort} has no value here")
                        && p.contains("needs stranger, companion or slighted"));
    }

    @Test
    void aLabelThatSaysAWordTwiceOnceFilledIsRefused() {
        // given an item whose short name repeats a label's verb
        BankText bank = replace("cast.json", "\"short\": \"the silver watch\"", "\"short\": \"the keep watch\"");

        // when / then
        assertThat(OfflineProvider.problems(bank))
                .anyMatch(p -> p.contains("label says \"keep\" twice once filled: Keep the keep watch"));
    }

    @Test
    void aWordDoubledAcrossAFillIsRefused() {
        // given a reminder whose fill ends with the word that follows it
        BankText bank = replace(
                "threads.json",
                "You look along the carriage for {sought}, and",
                "You look along the carriage for {sought} with care, and");

        // when / then
        assertThat(OfflineProvider.problems(bank)).anyMatch(p -> p.contains("\"with with\" once {sought} is filled"));
    }

    @Test
    void aPartTooLargeToPostIsRefused() {
        // given
        String huge = "{\"lines\": [\"" + "x".repeat(BankText.MAX_PART) + "\"]}";

        // when / then
        assertThat(OfflineProvider.problems(SHIPPED.with("extra.json", huge)))
                .anyMatch(p -> p.startsWith("extra.json: is 36,") && p.contains("a part holds at most 36,000"));
    }

    @Test
    void aSectionInTwoPartsAndAnUnknownSectionAreRefused() {
        // when
        List<String> problems = OfflineProvider.problems(
                SHIPPED.with("extra.json", "{\"lines\": [\"the Extra Line\"], \"weather\": [\"rain\"]}"));

        // then
        assertThat(problems)
                .anyMatch(p -> p.equals("extra.json: \"lines\" is already in world.json"))
                .anyMatch(p -> p.equals("extra.json: unknown section \"weather\""));
    }

    @Test
    void aReusedChoiceIdAndASceneWithoutAChoiceThatMattersAreRefused() {
        // given the announcement's one choice that matters made texture only, and one of its ids the corridor's
        BankText bank = replace("scenes-carriage.json", "\"id\": \"hearall\"", "\"id\": \"ahead\"");
        bank = replaceIn(bank, "scenes-carriage.json", "\"thread\": 1", "\"memory\": 1");

        // when
        List<String> problems = OfflineProvider.problems(bank);

        // then
        assertThat(problems)
                .anyMatch(p -> p.equals("scene speaker: action ahead: the id is used twice"))
                .anyMatch(p -> p.startsWith("scene speaker: no action changes anything the player will meet again"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        // given two mistakes in two parts
        BankText bank = replace("scenes-carriage.json", "{weather}", "{wether}");
        bank = replaceIn(bank, "scenes-platform.json", "{station}", "{staton}");

        // when / then
        List<String> problems = OfflineProvider.problems(bank);
        assertThat(problems).anyMatch(p -> p.contains("{wether}")).anyMatch(p -> p.contains("{staton}"));
    }

    private static BankText replace(String part, String from, String to) {
        return replaceIn(SHIPPED, part, from, to);
    }

    private static BankText replaceIn(BankText bank, String part, String from, String to) {
        String text = bank.parts().get(part);
        assertThat(text).as(part + " holds the text to replace").contains(from);
        return bank.with(part, text.replace(from, to));
    }
}
