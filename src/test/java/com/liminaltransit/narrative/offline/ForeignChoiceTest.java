package com.liminaltransit.narrative.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.StoryContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The offline storyteller takes over rides that another provider began, with choice ids it never offered. */
class ForeignChoiceTest {

    private final OfflineProvider provider = new OfflineProvider();
    private final RideDriver driver = new RideDriver(provider);
    private final Storyteller storyteller = new Storyteller(ContentBank.shared());

    @Test
    void unknownChoiceIdIsTakenAsOneOfOurOwnTheSameWayEveryTime() {
        for (long seed = 0; seed < 100; seed++) {
            // given a boarding passage another provider wrote, answered with an id we never offer
            List<String> path = List.of("b");

            // when
            Narrative first = driver.at(seed, path);
            Narrative again = new RideDriver(new OfflineProvider()).at(seed, path);
            RideState state = storyteller.stateAfter(seed, path);

            // then the same narrative comes back, and the ride goes on as after one of our own choices
            assertThat(again).isEqualTo(first);
            assertThat(NarrativeValidator.validate(first).valid()).isTrue();
            long seedForLambda = seed;
            assertThat(driver.at(seed, List.of()).choices())
                    .anyMatch(c -> sameChoiceState(storyteller.stateAfter(seedForLambda, List.of(c.id())), state));
        }
    }

    /** The state a choice leaves, leaving aside the sentences read (an unknown id's outcome is written apart). */
    private static boolean sameChoiceState(RideState one, RideState other) {
        return one.items().equals(other.items())
                && java.util.Objects.equals(one.companion(), other.companion())
                && one.ticket() == other.ticket()
                && one.front() == other.front()
                && one.memory() == other.memory()
                && one.threadProgress() == other.threadProgress()
                && one.scenes().equals(other.scenes());
    }

    @Test
    void labelOfAnotherProvidersChoiceIsWovenIntoTheNextPassage() {
        // given
        ChoiceOption theirs = new ChoiceOption("a", "Follow the lamplighter");
        StoryContext context = new StoryContext("r", 5, 1, "A summary.", List.of(), theirs, List.of("a"), "en");

        // when
        Narrative narrative = provider.generate(context).narrative();

        // then
        assertThat(narrative.passage()).contains("chosen to follow the lamplighter");
    }

    @Test
    void markupInAnotherProvidersLabelNeverReachesThePassage() {
        // given
        ChoiceOption theirs = new ChoiceOption("x1", "<script>alert(1)</script> {{7*7}} [[x]] &lt; \u202E run");
        StoryContext context = new StoryContext("r", 9, 1, "", List.of(), theirs, List.of("x1"), "en");

        // when
        Narrative narrative = provider.generate(context).narrative();

        // then
        assertThat(NarrativeValidator.validate(narrative).valid()).isTrue();
        assertThat(narrative.passage()).doesNotContain("<");
    }

    @Test
    void rideBegunByAnotherProviderStillEndsInRange() {
        for (long seed = 0; seed < 100; seed++) {
            for (int foreignStops = 1; foreignStops <= RideState.MAX_END; foreignStops++) {
                // given a ride another provider ran for some stops
                List<String> path = new ArrayList<>();
                for (int i = 0; i < foreignStops; i++) {
                    path.add("c" + i);
                }
                Random player = new Random(seed * 31 + foreignStops);

                // when the offline storyteller writes the rest
                Narrative narrative = driver.at(seed, path);
                while (!narrative.ending()) {
                    assertThat(NarrativeValidator.validate(narrative).valid()).isTrue();
                    path.add(narrative
                            .choices()
                            .get(player.nextInt(narrative.choices().size()))
                            .id());
                    narrative = driver.at(seed, path);
                }

                // then it ends within the range
                assertThat(path).as("seed " + seed).hasSizeBetween(RideState.MIN_END, RideState.MAX_END);
                assertThat(NarrativeValidator.validate(narrative).valid()).isTrue();
            }
        }
    }

    @Test
    void rideThatRanPastTheLastStopEndsAtOnce() {
        // given another provider that never ended the ride
        List<String> path = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            path.add("a");
        }

        // when
        Narrative narrative = driver.at(3, path);

        // then
        assertThat(narrative.ending()).isTrue();
        assertThat(NarrativeValidator.validate(narrative).valid()).isTrue();
    }

    @Test
    void pathShorterThanItsStopIsReadAsUnknownChoices() {
        // given a context whose path is missing its ids
        StoryContext context = new StoryContext("r", 11, 4, "", List.of(), null, List.of(), "en");

        // when
        Narrative first = provider.generate(context).narrative();
        Narrative again = provider.generate(context).narrative();

        // then
        assertThat(again).isEqualTo(first);
        assertThat(NarrativeValidator.validate(first).valid()).isTrue();
        assertThat(first.ending()).isFalse();
    }
}
