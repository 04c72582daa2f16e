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

/** Choices made early must show later: in what the passages mention, and in which endings the approach offers. */
class ConsequencesTest {

    private static final int RIDES = 20;

    private final RideDriver driver = new RideDriver(new OfflineProvider());
    private final Storyteller storyteller = new Storyteller(ContentBank.shared());

    @Test
    void itemPocketedAtBoardingIsNamedAgainWithinThreeStops() {
        for (long seed : seedsOffering("take0")) {
            // given a player who pockets the item on boarding and gives nothing away
            String item = storyteller.ride(seed).items().getFirst().shortName();

            // when
            RideDriver.Walk walk = driver.walk(seed, List.of("take0"), firstChoiceExcept(gives()));

            // then the passages after the one that tells of it name it again, soon
            String afterOutcome = walk.stops().get(1).passage();
            afterOutcome = afterOutcome.substring(Math.max(0, afterOutcome.indexOf("\n\n")));
            String soon = afterOutcome + "\n"
                    + String.join(
                            "\n",
                            walk.stops().subList(2, Math.min(walk.stops().size(), 4)).stream()
                                    .map(Narrative::passage)
                                    .toList());
            assertThat(soon.toLowerCase(Locale.ROOT)).as("seed " + seed).contains(item);
            assertThat(walk.last().summary()).as("seed " + seed).contains(item);
        }
    }

    @Test
    void passengerBefriendedAtBoardingCanBeFollowedIntoTheTogetherEnding() {
        for (long seed : seedsOffering("sitby")) {
            // given the passenger by the window, and a player who never sends a companion away
            String friend = storyteller.ride(seed).cast().getFirst().shortName();
            RideDriver.Walk together = driver.walk(seed, List.of("sitby"), preferEnding(Ending.TOGETHER, seed));

            // then the ride ends in their company, and says so
            assertThat(storyteller.endingOf(seed, together.path()))
                    .as("seed " + seed)
                    .isEqualTo(Ending.TOGETHER);
            assertThat(lower(together.last().passage())).contains(friend);
            assertThat(together.last().summary()).contains("into the morning with " + friend);
        }
    }

    @Test
    void ticketGivenAwayAtBoardingChangesTheRestOfTheRide() {
        for (long seed : seedsOffering("showtkt", "giveaway")) {
            // given two players who differ only in their first choice, and never hand a ticket over later
            ToIntFunction<List<ChoiceOption>> rule = firstChoiceExcept(Set.of(
                    "giveup",
                    "porttip",
                    "cardbet",
                    "telreply",
                    "flowbuy",
                    "offsell",
                    "mkttrade",
                    "countme",
                    "berthtip",
                    "summpost",
                    "haltleav"));

            // when
            RideDriver.Walk kept = driver.walk(seed, List.of("showtkt"), rule);
            RideDriver.Walk given = driver.walk(seed, List.of("giveaway"), rule);

            // then later passages differ, and only the one without a ticket is ever offered the conductor's cap
            assertThat(laterPassagesDiffer(kept, given)).as("seed " + seed).isTrue();
            assertThat(offeredEndings(kept)).doesNotContain(Ending.CONDUCTOR);
            assertThat(storyteller.stateAfter(seed, given.path().subList(0, 1)).ticket())
                    .isFalse();
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

    /** The endings the approach of a ride offered. */
    private List<Ending> offeredEndings(RideDriver.Walk walk) {
        StopPlan approach = storyteller.planAt(
                walk.seed(), walk.path().subList(0, walk.path().size() - 1));
        return approach.offers().stream()
                .map(o -> o.action().effects().end())
                .filter(java.util.Objects::nonNull)
                .toList();
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

    /** Ids of the actions that give an item away. */
    private static Set<String> gives() {
        Set<String> ids = new java.util.HashSet<>();
        ContentBank.shared()
                .scenes()
                .forEach(s ->
                        s.actions().stream().filter(a -> a.effects().give()).forEach(a -> ids.add(a.id())));
        return ids;
    }

    /**
     * A loyal player: never offends or parts from anyone, and at the approach takes the ending wanted when it is on
     * offer.
     */
    private ToIntFunction<List<ChoiceOption>> preferEnding(Ending wanted, long seed) {
        Set<String> unkind = new java.util.HashSet<>();
        ContentBank.shared()
                .scenes()
                .forEach(s -> s.actions().stream()
                        .filter(a -> a.effects().offend()
                                || a.effects().part()
                                || a.effects().ends() && a.effects().end() != wanted)
                        .forEach(a -> unkind.add(a.id())));
        ToIntFunction<List<ChoiceOption>> kind = firstChoiceExcept(unkind);
        return choices -> {
            for (int i = 0; i < choices.size(); i++) {
                String id = choices.get(i).id();
                boolean leads = ContentBank.shared().scenes().stream()
                        .flatMap(s -> s.actions().stream())
                        .anyMatch(a -> a.id().equals(id) && a.effects().end() == wanted);
                if (leads) {
                    return i;
                }
            }
            return kind.applyAsInt(choices);
        };
    }

    private static ToIntFunction<List<ChoiceOption>> firstChoiceExcept(Set<String> avoided) {
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
