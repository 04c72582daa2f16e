package com.liminaltransit.narrative.offline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.ValidationResult;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Plays a thousand rides with a player who clicks at random, and checks what must hold on every one of them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RideWalksTest {

    private static final int SEEDS = 1000;

    private final RideDriver driver = new RideDriver(new OfflineProvider());
    private List<RideDriver.Walk> walks;

    @BeforeAll
    void playRides() {
        walks = LongStream.range(0, SEEDS).mapToObj(driver::randomWalk).toList();
    }

    @Test
    void everyRideEndsBetweenStopEightAndFifteen() {
        for (RideDriver.Walk walk : walks) {
            // then the last stop written is an ending within range, and no stop before it is
            assertTrue(walk.last().ending(), "seed " + walk.seed() + " never ended");
            assertThat("seed " + walk.seed(), walk.lastStop(),
                    allOf(greaterThanOrEqualTo(RideState.MIN_END), lessThanOrEqualTo(RideState.MAX_END)));
            walk.stops().subList(0, walk.lastStop()).forEach(n -> assertFalse(n.ending()));
            assertTrue(walk.last().choices().isEmpty());
        }
    }

    @Test
    void everyNarrativePassesTheValidator() {
        for (RideDriver.Walk walk : walks) {
            for (Narrative narrative : walk.stops()) {
                // when
                ValidationResult verdict = NarrativeValidator.validate(narrative);

                // then
                assertTrue(verdict.valid(), "seed " + walk.seed() + ": " + verdict.complaint());
            }
        }
    }

    @Test
    void passagesLabelsAndSummariesKeepTheirLengths() {
        for (RideDriver.Walk walk : walks) {
            for (Narrative narrative : walk.stops()) {
                assertThat(Words.count(narrative.passage()), allOf(
                        greaterThanOrEqualTo(PassageWriter.MIN_WORDS), lessThanOrEqualTo(PassageWriter.MAX_WORDS)));
                assertThat(narrative.summary().length(), lessThan(SummaryWriter.MAX_LENGTH + 1));
                assertFalse(narrative.summary().contains("\n"), "summary is one paragraph");
                narrative.choices().forEach(c -> assertThat(c.label(), c.label().length(), lessThan(60)));
            }
        }
    }

    @Test
    void everyStopBeforeTheEndOffersTwoToFourChoices() {
        for (RideDriver.Walk walk : walks) {
            for (Narrative narrative : walk.stops().subList(0, walk.lastStop())) {
                assertThat(narrative.choices().size(), allOf(greaterThanOrEqualTo(2), lessThanOrEqualTo(4)));
            }
        }
    }

    @Test
    void noPlaceholderOrTemplateBraceReachesThePlayer() {
        for (RideDriver.Walk walk : walks) {
            for (Narrative narrative : walk.stops()) {
                String all = narrative.passage() + narrative.summary() + narrative.choices().stream()
                        .map(ChoiceOption::label).collect(Collectors.joining());
                assertFalse(all.contains("{") || all.contains("}"), all);
            }
        }
    }

    @Test
    void everyEndingRemembersHowTheNightBegan() {
        // given the storyteller's own view of each finished ride
        Storyteller storyteller = new Storyteller(ContentBank.shared());
        for (RideDriver.Walk walk : walks) {
            // when
            RideState state = storyteller.replay(walk.seed(), walk.path(), walk.path().size()).state();

            // then
            assertThat(walk.last().passage(), containsString(state.firstDeed()));
        }
    }

    @Test
    void ridesReachSeveralDifferentEndings() {
        // given the storyteller's own view of each finished ride
        Storyteller storyteller = new Storyteller(ContentBank.shared());

        // when
        Set<Ending> endings = EnumSet.noneOf(Ending.class);
        Set<String> endingPassages = new HashSet<>();
        for (RideDriver.Walk walk : walks) {
            endings.add(Ending.of(storyteller.replay(walk.seed(), walk.path(), walk.path().size()).state()));
            endingPassages.add(walk.last().passage());
        }

        // then every ending is reached by some ride, and endings are written many ways
        assertEquals(EnumSet.allOf(Ending.class), endings);
        assertThat(endingPassages.size(), greaterThanOrEqualTo(SEEDS * 9 / 10));
    }
}
