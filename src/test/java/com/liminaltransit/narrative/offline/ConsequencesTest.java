package com.liminaltransit.narrative.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** Choices made early must show later: in what the passages mention, and in how the ride ends. */
class ConsequencesTest {

    private static final int RIDES = 20;

    private final RideDriver driver = new RideDriver(new OfflineProvider());
    private final Storyteller storyteller = new Storyteller(ContentBank.shared());

    @Test
    void itemPocketedAtBoardingIsMentionedLaterAndAtTheEnd() {
        int ridesMentioningOnTheWay = 0;
        for (long seed : seedsOffering("take0")) {
            // given a player who pockets the item on boarding and gives nothing away
            String item = ride(seed).items().getFirst().shortName();

            // when
            RideDriver.Walk walk = driver.walk(seed, List.of("take0"), firstChoiceExcept("giveitem"));

            // then the ending and its summary remember the item
            assertThat(walk.last().passage()).contains(item);
            assertThat(walk.last().summary()).contains(item);
            boolean onTheWay = walk.stops().subList(2, walk.lastStop()).stream()
                    .anyMatch(n -> n.passage().contains(item));
            ridesMentioningOnTheWay += onTheWay ? 1 : 0;
        }
        // and most rides mention it on the way, too
        assertThat(ridesMentioningOnTheWay).isGreaterThanOrEqualTo(RIDES / 2);
    }

    @Test
    void passengerBefriendedAtBoardingWalksOffWithYouAtTheEnd() {
        for (long seed : seedsOffering("sitby")) {
            // given the passenger by the window, and a player who never sends a companion away
            String friend = ride(seed).cast().getFirst().shortName();
            String other = driver.at(seed, List.of()).choices().stream()
                    .map(ChoiceOption::id)
                    .filter(id -> !id.equals("sitby"))
                    .findFirst()
                    .orElseThrow();
            ToIntFunction<List<ChoiceOption>> loyal = firstChoiceExcept("sendoff", "farewell");

            // when one player sits beside them and another does not
            RideDriver.Walk together = driver.walk(seed, List.of("sitby"), loyal);
            RideDriver.Walk apart = driver.walk(seed, List.of(other), loyal);

            // then only the first ride ends in their company
            assertThat(lower(together.last().passage())).contains(friend);
            assertThat(together.last().summary()).contains("into the morning with " + friend);
            assertThat(lower(apart.last().passage())).doesNotContain(friend);
        }
    }

    @Test
    void ticketGivenAwayAtBoardingChangesTheRestOfTheRide() {
        for (long seed : seedsOffering("showtkt", "giveaway")) {
            // given two players who differ only in their first choice, and never hand a ticket over later
            ToIntFunction<List<ChoiceOption>> rule = firstChoiceExcept("giveup");

            // when
            RideDriver.Walk kept = driver.walk(seed, List.of("showtkt"), rule);
            RideDriver.Walk given = driver.walk(seed, List.of("giveaway"), rule);

            // then later passages differ, and only the one without a ticket may end by joining the crew
            assertThat(laterPassagesDiffer(kept, given)).as("seed " + seed).isTrue();
            assertThat(given.last().passage())
                    .as("seed " + seed)
                    .isNotEqualTo(kept.last().passage());
            assertThat(endingOf(kept)).isNotEqualTo(Ending.CONDUCTOR);
            assertThat(endingOf(given)).isIn(Ending.CONDUCTOR, Ending.TOGETHER);
        }
    }

    private boolean laterPassagesDiffer(RideDriver.Walk one, RideDriver.Walk other) {
        int shorter = Math.min(one.stops().size(), other.stops().size());
        for (int stop = 2; stop < shorter; stop++) {
            if (!one.stops().get(stop).passage().equals(other.stops().get(stop).passage())) {
                return true;
            }
        }
        return one.stops().size() != other.stops().size();
    }

    private Ending endingOf(RideDriver.Walk walk) {
        return Ending.of(
                storyteller.replay(walk.seed(), walk.path(), walk.path().size()).state());
    }

    private Ride ride(long seed) {
        return storyteller.replay(seed, List.of(), 0).ride();
    }

    /** The first seeds whose boarding passage offers all these choices. */
    private List<Long> seedsOffering(String... ids) {
        List<Long> seeds = new ArrayList<>();
        for (long seed = 0; seeds.size() < RIDES; seed++) {
            Narrative boarding = driver.at(seed, List.of());
            if (boarding.choices().stream().map(ChoiceOption::id).toList().containsAll(Arrays.asList(ids))) {
                seeds.add(seed);
            }
        }
        return seeds;
    }

    private static ToIntFunction<List<ChoiceOption>> firstChoiceExcept(String... ids) {
        Set<String> avoided = Set.of(ids);
        return choices -> {
            for (int i = 0; i < choices.size(); i++) {
                if (!avoided.contains(choices.get(i).id())) {
                    return i;
                }
            }
            return 0;
        };
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
