package com.liminaltransit.narrative.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContentBankTest {

    private static final ContentBank BANK = ContentBank.shared();

    @Test
    void bankIsLoadedOnceAndShared() {
        // when / then
        assertThat(ContentBank.shared()).isSameAs(BANK);
    }

    @Test
    void bankHoldsEnoughToWriteVariedRides() {
        // then
        assertThat(BANK.stations()).hasSizeGreaterThanOrEqualTo(48);
        assertThat(BANK.stations()).allSatisfy(s -> assertThat(s.sights()).hasSizeGreaterThanOrEqualTo(2));
        assertThat(BANK.passengers()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(BANK.items()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(BANK.threads()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(BANK.scenes(Scene.Kind.STOP)).hasSizeGreaterThanOrEqualTo(55);
        assertThat(BANK.scenes(Scene.Kind.BOARDING)).hasSizeGreaterThanOrEqualTo(8);
        assertThat(BANK.scenes(Scene.Kind.APPROACH)).hasSizeGreaterThanOrEqualTo(6);
        assertThat(BANK.prose().openings()).hasSizeGreaterThanOrEqualTo(16);
        for (StoryThread thread : BANK.threads()) {
            assertThat(BANK.scenes(Scene.Kind.BEAT))
                    .as(thread.id() + " has its own beats")
                    .filteredOn(s -> s.thread().equals(thread.id()))
                    .hasSizeGreaterThanOrEqualTo(2);
        }
        for (Ending ending : Ending.values()) {
            Prose.EndingText text = BANK.prose().endings().get(ending);
            assertThat(text.bodies()).as(ending + " opens many ways").hasSizeGreaterThanOrEqualTo(4);
            assertThat(text.closers()).as(ending + " closes many ways").hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void everyActionHasAValidChoiceIdUsedOnceAndOutcomesOfItsOwn() {
        // given
        Pattern choiceId = Pattern.compile("[a-z0-9]{1,8}");
        List<Action> actions = new ArrayList<>(BANK.moves());
        BANK.scenes().forEach(s -> actions.addAll(s.actions()));

        // when
        Set<String> ids = new HashSet<>();
        List<String> outcomes = new ArrayList<>();
        actions.forEach(a -> {
            ids.add(a.id());
            outcomes.addAll(a.outcomes());
        });

        // then
        assertThat(actions).allSatisfy(a -> assertThat(a.id()).as(a.id()).matches(choiceId));
        assertThat(ids).as("ids are unique").hasSameSizeAs(actions);
        assertThat(new HashSet<>(outcomes)).as("outcomes are unique").hasSameSizeAs(outcomes);
    }

    @Test
    void everySceneOffersAChoiceThatMattersAndEveryApproachLeadsToEndings() {
        for (Scene scene : BANK.scenes()) {
            if (scene.kind() == Scene.Kind.APPROACH) {
                assertThat(scene.actions())
                        .allSatisfy(a -> assertThat(a.effects().ends()).isTrue());
            } else {
                assertThat(scene.actions())
                        .as(scene.id())
                        .anyMatch(a -> a.effects().consequential());
            }
        }
    }

    @Test
    void generalMovesAreLabelledSeveralWays() {
        assertThat(BANK.moves()).allSatisfy(m -> assertThat(m.labels()).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void stationsAndPassengersHaveDistinctNames() {
        // when
        long stations = BANK.stations().stream().map(Station::name).distinct().count();
        long passengers =
                BANK.passengers().stream().map(Passenger::shortName).distinct().count();

        // then
        assertThat(stations).isEqualTo(BANK.stations().size());
        assertThat(passengers).isEqualTo(BANK.passengers().size());
    }

    @Test
    void theShippedPartsAreSmallEnoughToPostFromTheWritersRoom() {
        assertThat(BankText.shipped().parts())
                .allSatisfy((name, text) -> assertThat(text.length()).as(name).isLessThanOrEqualTo(BankText.MAX_PART));
    }
}
