package com.liminaltransit.narrative.offline;

import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(walk.last().ending())
                    .as("seed " + walk.seed() + " never ended")
                    .isTrue();
            assertThat(walk.lastStop()).as("seed " + walk.seed()).isBetween(RideState.MIN_END, RideState.MAX_END);
            assertThat(walk.stops().subList(0, walk.lastStop())).noneMatch(Narrative::ending);
            assertThat(walk.last().choices()).isEmpty();
        }
    }

    @Test
    void everyNarrativePassesTheValidator() {
        for (RideDriver.Walk walk : walks) {
            for (Narrative narrative : walk.stops()) {
                // when
                ValidationResult verdict = NarrativeValidator.validate(narrative);

                // then
                assertThat(verdict.valid())
                        .as("seed " + walk.seed() + ": " + verdict.complaint())
                        .isTrue();
            }
        }
    }

    @Test
    void passagesLabelsAndSummariesKeepTheirLengths() {
        for (RideDriver.Walk walk : walks) {
            for (Narrative narrative : walk.stops()) {
                assertThat(Words.count(narrative.passage()))
                        .isBetween(PassageWriter.MIN_WORDS, PassageWriter.MAX_WORDS);
                assertThat(narrative.summary()).hasSizeLessThan(SummaryWriter.MAX_LENGTH + 1);
                assertThat(narrative.summary()).as("summary is one paragraph").doesNotContain("\n");
                assertThat(narrative.choices())
                        .allSatisfy(c -> assertThat(c.label()).as(c.label()).hasSizeLessThan(60));
            }
        }
    }

    @Test
    void everyStopBeforeTheEndOffersTwoToFourChoices() {
        for (RideDriver.Walk walk : walks) {
            for (Narrative narrative : walk.stops().subList(0, walk.lastStop())) {
                assertThat(narrative.choices()).hasSizeBetween(2, 4);
            }
        }
    }

    @Test
    void noPlaceholderOrTemplateBraceReachesThePlayer() {
        for (RideDriver.Walk walk : walks) {
            for (Narrative narrative : walk.stops()) {
                String all = narrative.passage()
                        + narrative.summary()
                        + narrative.choices().stream().map(ChoiceOption::label).collect(Collectors.joining());
                assertThat(all).as(all).doesNotContain("{", "}");
            }
        }
    }

    @Test
    void everyEndingSaysWhatBecameOfTheThread() {
        // given the storyteller's own view of each finished ride
        Storyteller storyteller = new Storyteller(ContentBank.shared());
        for (RideDriver.Walk walk : walks) {
            // when
            RideState state = storyteller.stateAfter(walk.seed(), walk.path());
            StoryThread thread = storyteller.ride(walk.seed()).thread();
            List<String> resolutions = thread.resolutions(PassageWriter.threadKey(state));

            // then one of the thread's own last sentences is in the ending
            assertThat(resolutions)
                    .as("seed " + walk.seed())
                    .anyMatch(r -> walk.last().passage().contains(r.substring(0, Math.min(40, r.length()))));
        }
    }

    @Test
    void ridesReachEveryEndingAndWriteThemManyWays() {
        // given the storyteller's own view of each finished ride
        Storyteller storyteller = new Storyteller(ContentBank.shared());

        // when
        Set<Ending> endings = EnumSet.noneOf(Ending.class);
        Set<String> endingPassages = new HashSet<>();
        for (RideDriver.Walk walk : walks) {
            endings.add(storyteller.endingOf(walk.seed(), walk.path()));
            endingPassages.add(walk.last().passage());
        }

        // then every ending is reached by some ride, and endings are written many ways
        assertThat(endings).isEqualTo(EnumSet.allOf(Ending.class));
        assertThat(endingPassages).hasSizeGreaterThanOrEqualTo(SEEDS * 9 / 10);
    }
}
