package com.liminaltransit.narrative.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.ContentPlan;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.StoryContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each rule of the storyteller's craft, held on many rides: half chosen at random, half by a player who takes the
 * choice taken least so far (so rare branches are walked too).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CraftRulesTest {

    private static final int SEEDS = 400;

    private final OfflineProvider provider = new OfflineProvider();
    private final RideDriver driver = new RideDriver(provider);
    private final Storyteller storyteller = new Storyteller(ContentBank.shared());
    private final List<Played> rides = new ArrayList<>();

    /** A ride and the storyteller's trace of it. */
    private record Played(RideDriver.Walk walk, RideTrace trace) {}

    @BeforeAll
    void playRides() {
        Map<String, Integer> taken = new HashMap<>();
        ToIntFunction<List<ChoiceOption>> leastUsed = choices -> {
            int best = 0;
            for (int i = 1; i < choices.size(); i++) {
                if (taken.getOrDefault(choices.get(i).id(), 0)
                        < taken.getOrDefault(choices.get(best).id(), 0)) {
                    best = i;
                }
            }
            taken.merge(choices.get(best).id(), 1, Integer::sum);
            return best;
        };
        for (long seed = 0; seed < SEEDS; seed++) {
            RideDriver.Walk random = driver.randomWalk(seed);
            rides.add(new Played(random, provider.trace(seed, random.path())));
            RideDriver.Walk rare = driver.walk(seed + 100_000, leastUsed);
            rides.add(new Played(rare, provider.trace(seed + 100_000, rare.path())));
        }
    }

    @Test
    void noSentenceIsReadTwiceInARide() {
        for (Played ride : rides) {
            // when
            List<String> sentences = new ArrayList<>();
            ride.walk().stops().forEach(n -> sentences.addAll(Sentences.of(n.passage())));

            // then
            assertThat(new HashSet<>(sentences))
                    .as("seed " + ride.walk().seed())
                    .hasSameSizeAs(sentences);
        }
    }

    @Test
    void noSentenceIsReadTwiceInARideEvenWithAnotherNameFilledIn() {
        // given every name a sentence may be filled with
        ContentBank bank = ContentBank.shared();
        List<String> names = new ArrayList<>();
        bank.stations().forEach(s -> names.add(s.name()));
        bank.passengers().forEach(p -> names.add(p.shortName()));
        bank.items().forEach(i -> names.add(i.shortName()));
        bank.threads().forEach(t -> names.add(t.sought()));
        names.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (Played ride : rides) {
            // when the names are taken out of every sentence of the ride
            List<String> shapes = new ArrayList<>();
            for (Narrative stop : ride.walk().stops()) {
                for (String sentence : Sentences.of(stop.passage())) {
                    String shape = sentence;
                    for (String name : names) {
                        shape = shape.replace(name, "·").replace(Template.capitalise(name), "·");
                    }
                    if (shape.length() > 40) {
                        shapes.add(shape);
                    }
                }
            }

            // then no two are left the same
            assertThat(new HashSet<>(shapes)).as("seed " + ride.walk().seed()).hasSameSizeAs(shapes);
        }
    }

    @Test
    void theLinesWeatherSoundAndLightAreNotNamedAtEveryWindow() {
        for (Played ride : rides) {
            // given the phrases the seed fixed for the whole ride
            Ride laidOut = Ride.board(ride.walk().seed(), ContentBank.shared(), Set.of());
            for (String phrase : List.of(laidOut.weather(), laidOut.sound(), laidOut.light())) {
                // when
                long reads = ride.walk().stops().stream()
                        .flatMap(stop -> Sentences.of(stop.passage()).stream())
                        .filter(sentence -> sentence.toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT)))
                        .count();

                // then the opening and one reminder, and at most one scene that is about it
                assertThat(reads)
                        .as("seed " + ride.walk().seed() + ": " + phrase)
                        .isLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void noLabelIsOfferedAtTwoStopsOfARide() {
        for (Played ride : rides) {
            // when
            List<String> labels = new ArrayList<>();
            ride.walk()
                    .stops()
                    .forEach(n -> n.choices().forEach(c -> labels.add(c.label().toLowerCase(Locale.ROOT))));

            // then
            assertThat(new HashSet<>(labels)).as("seed " + ride.walk().seed()).hasSameSizeAs(labels);
        }
    }

    @Test
    void everyStopOffersAChoiceThatChangesSomethingTheRideWillShow() {
        for (Played ride : rides) {
            for (RideTrace.StopTrace stop : ride.trace().stops()) {
                if (!stop.offers().isEmpty()) {
                    assertThat(stop.offers())
                            .as("seed " + ride.walk().seed() + " stop " + stop.stop())
                            .anyMatch(o -> o.consequence() != null);
                }
            }
        }
    }

    @Test
    void whatAChoiceChangesIsNamedAgainWithinThreeStops() {
        int chosen = 0;
        int named = 0;
        for (Played ride : rides) {
            List<Narrative> stops = ride.walk().stops();
            for (RideTrace.StopTrace stop : ride.trace().stops()) {
                RideTrace.OfferTrace offer = stop.chosen().orElse(null);
                if (offer == null || offer.target() == null || stop.stop() + 1 >= stops.size()) {
                    continue;
                }
                chosen++;
                StringBuilder later = new StringBuilder();
                boolean ends = false;
                for (int k = stop.stop() + 1; k <= stop.stop() + 3 && k < stops.size(); k++) {
                    String passage = stops.get(k).passage();
                    // the opening paragraph right after the choice is the choice's own outcome: it does not count
                    later.append(k == stop.stop() + 1 ? afterFirstParagraph(passage) : passage);
                    ends |= stops.get(k).ending();
                }
                boolean again = later.toString()
                                .toLowerCase(Locale.ROOT)
                                .contains(offer.target().toLowerCase(Locale.ROOT))
                        || "thread".equals(offer.consequence()) && ends;
                named += again ? 1 : 0;
            }
        }
        // then all but a handful (a consequence chosen at the stop before an ending the ending does not name)
        assertThat(named).isGreaterThanOrEqualTo(chosen * 99 / 100);
    }

    @Test
    void anEncounterIsAlwaysAnsweredByOneOfTheScenesOwnChoices() {
        for (Played ride : rides) {
            for (RideTrace.StopTrace stop : ride.trace().stops()) {
                if (stop.encounterWith() != null) {
                    assertThat(stop.offers())
                            .as("seed " + ride.walk().seed() + " stop " + stop.stop())
                            .noneMatch(RideTrace.OfferTrace::generic);
                }
            }
        }
    }

    @Test
    void aCompanionWhoLeftTheTrainIsGone() {
        for (Played ride : rides) {
            List<Narrative> stops = ride.walk().stops();
            List<RideTrace.StopTrace> trace = ride.trace().stops();
            for (int k = 1; k < trace.size() && k < stops.size(); k++) {
                if (stops.get(k).ending()) {
                    continue;
                }
                List<String> leftBefore = trace.get(k - 1).gone();
                for (String gone : trace.get(k).gone()) {
                    String passage = leftBefore.contains(gone)
                            ? stops.get(k).passage()
                            : afterFirstParagraph(stops.get(k).passage());
                    assertThat(passage)
                            .as("seed " + ride.walk().seed() + " stop " + k)
                            .doesNotContain(gone);
                }
            }
        }
    }

    @Test
    void theStopBeforeTheEndingPreparesItAndTheEndingFollowsFromTheLastChoice() {
        for (Played ride : rides) {
            RideDriver.Walk walk = ride.walk();
            List<RideTrace.StopTrace> trace = ride.trace().stops();
            RideTrace.StopTrace before = trace.get(trace.size() - 2);

            // then the stop before is an approach (or a choice that leaves the train), and its choice names the end
            assertThat(before.prepares()).as("seed " + walk.seed()).isTrue();
            StopPlan plan = storyteller.planAt(
                    walk.seed(), walk.path().subList(0, walk.path().size() - 1));
            Ending chosen =
                    plan.resolve(walk.path().getLast()).action().effects().end();
            assertThat(storyteller.endingOf(walk.seed(), walk.path()))
                    .as("seed " + walk.seed())
                    .isEqualTo(chosen);
        }
    }

    @Test
    void everyRideHasAThreadAndItsChoicesMoveIt() {
        int moved = 0;
        for (Played ride : rides) {
            assertThat(ride.trace().thread()).isNotNull();
            boolean chosenToMove = ride.trace().stops().stream()
                    .map(s -> s.chosen().orElse(null))
                    .anyMatch(o -> o != null && "thread".equals(o.consequence()));
            moved += chosenToMove ? 1 : 0;
            boolean offered = ride.trace().stops().stream()
                    .flatMap(s -> s.offers().stream())
                    .anyMatch(o -> "thread".equals(o.consequence()));
            assertThat(offered)
                    .as("seed " + ride.walk().seed() + " is offered a way to move its thread")
                    .isTrue();
        }
        assertThat(moved).as("rides whose player moved the thread").isGreaterThan(rides.size() * 3 / 4);
    }

    @Test
    void generalMovesAreRare() {
        int stops = 0;
        int withMove = 0;
        for (Played ride : rides) {
            for (RideTrace.StopTrace stop : ride.trace().stops()) {
                if (!stop.offers().isEmpty()) {
                    stops++;
                    withMove += stop.offers().stream().anyMatch(RideTrace.OfferTrace::generic) ? 1 : 0;
                }
            }
        }
        assertThat(withMove).isLessThan(stops / 10);
    }

    @Test
    void framesVaryInShapeAndManyStopsGoWithoutThem() {
        Set<Integer> paragraphCounts = new HashSet<>();
        int stops = 0;
        int framed = 0;
        for (Played ride : rides) {
            for (Narrative stop :
                    ride.walk().stops().subList(1, ride.walk().stops().size() - 1)) {
                stops++;
                paragraphCounts.add(stop.passage().split("\n\n").length);
                framed += Sentences.of(stop.passage()).stream().anyMatch(provider::isFrame) ? 1 : 0;
            }
        }
        assertThat(paragraphCounts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(framed).as("stops with a frame").isLessThan(stops * 9 / 10).isGreaterThan(stops / 3);
    }

    @Test
    void endingsOpenAndCloseInManyWays() {
        Map<String, Integer> openers = new HashMap<>();
        Map<String, Integer> closers = new HashMap<>();
        for (Played ride : rides) {
            String[] paragraphs = ride.walk().last().passage().split("\n\n");
            List<String> body = Sentences.of(paragraphs[Math.min(1, paragraphs.length - 1)]);
            List<String> all = Sentences.of(ride.walk().last().passage());
            openers.merge(body.getFirst(), 1, Integer::sum);
            closers.merge(all.getLast(), 1, Integer::sum);
        }
        assertThat(openers.values()).allSatisfy(n -> assertThat(n).isLessThan(rides.size() / 10));
        assertThat(closers.values()).allSatisfy(n -> assertThat(n).isLessThan(rides.size() / 10));
    }

    @Test
    void aPlayersNextRideAvoidsTheScenesTheyHaveRead() {
        for (long seed = 0; seed < 100; seed++) {
            // given a player who read a whole ride
            RideDriver.Walk first = driver.randomWalk(seed);
            List<String> read = new ArrayList<>();
            provider.trace(seed, first.path()).stops().forEach(s -> {
                if (s.scene() != null) {
                    read.add(s.scene());
                }
            });
            read.add("thread:" + provider.trace(seed, first.path()).thread());

            // when they board the next ride (here, the same seed, the hardest case)
            ContentPlan memory = new ContentPlan(null, read);
            RideTrace next = provider.trace(seed, List.of("x", "x", "x", "x", "x", "x"), memory);

            // then it plays none of the scenes already read while others can be played, and another thread
            assertThat(next.stops())
                    .as("seed " + seed)
                    .noneMatch(s -> s.scene() != null
                            && read.contains(s.scene())
                            && !s.scene().startsWith("last"));
            assertThat(next.thread())
                    .isNotEqualTo(provider.trace(seed, first.path()).thread());
        }
    }

    @Test
    void theSameSeedPathAndMemoryAlwaysTellTheSameRide() {
        for (long seed = 0; seed < 50; seed++) {
            List<String> seen = List.of("corridor", "mirror", "thread:cat");
            StoryContext context = new StoryContext(
                            "r", seed, 5, "", List.of(), null, List.of("a", "b", "c", "d", "e"), "en")
                    .withContent(new ContentPlan(null, seen));
            Narrative one = new OfflineProvider().generate(context).narrative();
            Narrative two = provider.generate(context).narrative();
            assertThat(two).isEqualTo(one);
        }
    }

    private static String afterFirstParagraph(String passage) {
        int cut = passage.indexOf("\n\n");
        return cut < 0 ? "" : passage.substring(cut + 2);
    }
}
