package com.liminaltransit.admin.ridebot;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.offline.RideTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The editor's reading on hand-made rides, where the right answer is known. */
class EditorReadingTest {

    private static final List<ChoiceOption> TWO =
            List.of(new ChoiceOption("a", "Open the window"), new ChoiceOption("b", "Keep still"));

    @Test
    void aSentenceReadTwiceInOneRideIsARepeatAndCountsOnceForTheRide() {
        // given a ride that reads one sentence at two stops
        RideRead ride = ride(
                1,
                "The lamp hums. You sit down by the window.",
                "The lamp hums. A porter waves from the platform.",
                "The lamp goes out at last.\n\nYou walk home.");

        // when
        EditorReport report = reading().report(ride);

        // then
        assertThat(report.ridesWithRepeat()).isEqualTo(1);
        assertThat(report.repeatedSentences()).isEqualTo(1);
        assertThat(report.mostInOneRide()).isEqualTo(2);
        assertThat(report.acrossRides())
                .filteredOn(s -> s.text().equals("The lamp hums."))
                .singleElement()
                .satisfies(s -> assertThat(s.rides()).isEqualTo(1));
    }

    @Test
    void shareOfRidesIsJudgedApartForFramesAndOnlyFromEnoughRides() {
        // given twenty rides sharing one frame sentence and one set piece, each with a sentence of its own
        EditorReading reading = new EditorReading("random", s -> s.startsWith("The train slows"), null, 20);
        for (int i = 0; i < 20; i++) {
            reading.read(ride(
                    i,
                    "The train slows into Mothwell. A cat sleeps on bench " + i + ".",
                    "A bell rings somewhere.",
                    "It is over.\n\nYou wake."));
        }

        // when
        EditorReport report = reading.report();

        // then the shared sentences are over the limit, the frame and the rare ones are not
        assertThat(report.overLimit()).isEqualTo(3);
        assertThat(report.frames())
                .extracting(EditorReport.Share::text)
                .containsExactly("The train slows into Mothwell.");
        assertThat(report.acrossRides().getFirst().share()).isEqualTo(1.0);
        assertThat(report.problems()).anyMatch(p -> p.contains("more than 10% of rides"));
    }

    @Test
    void shareOfRidesIsNotJudgedOnTooFewRides() {
        // given
        EditorReading reading = new EditorReading("random", s -> false, null);
        reading.read(ride(1, "A bell rings somewhere.", "It is over.\n\nYou wake."));

        // when
        EditorReport report = reading.report();

        // then
        assertThat(report.shareJudged()).isFalse();
        assertThat(report.problems()).noneMatch(p -> p.contains("% of rides"));
    }

    @Test
    void aLabelOfferedAtTwoStopsOfARideIsCounted() {
        // given the same two labels at two stops
        RideRead ride = ride(1, "One passage here.", "Another passage here.", "The end.\n\nYou go.");

        // when
        EditorReport report = reading().report(ride);

        // then
        assertThat(report.labelRepeats()).isEqualTo(2);
        assertThat(report.problems()).anyMatch(p -> p.contains("labels offered again"));
    }

    @Test
    void templateSlipsAreFoundInPassagesAndLabels() {
        assertThat(TextFaults.inLabel("Pocket the pocket watch")).hasSize(1);
        assertThat(TextFaults.inLabel("Keep the brass key")).isEmpty();
        assertThat(TextFaults.inPassage("You take the the lamp.")).hasSize(1);
        assertThat(TextFaults.inPassage("You meet a old man.")).hasSize(1);
        assertThat(TextFaults.inPassage("You wait an hour for a one-eyed cat.")).isEmpty();
        assertThat(TextFaults.inPassage("The doors close. the train goes on.")).hasSize(1);
        assertThat(TextFaults.inPassage("You hold {ishort} tight.")).hasSize(1);
        assertThat(TextFaults.inPassage("You wait , and wait.")).hasSize(1);
    }

    @Test
    void anEncounterAnsweredWithAGeneralMoveIsDroppedAndAConsequenceNeverNamedAgainIsCounted() {
        // given a trace: stop 0 an encounter with the porter, answered with a general move; stop 1 a key is kept
        RideTrace trace = new RideTrace(
                List.of(
                        new RideTrace.StopTrace(
                                0,
                                "porter",
                                "the porter",
                                List.of(
                                        new RideTrace.OfferTrace("a", "Open the window", false, null, null),
                                        new RideTrace.OfferTrace("b", "Keep still", true, null, null)),
                                "b",
                                List.of(),
                                false),
                        new RideTrace.StopTrace(
                                1,
                                "key",
                                null,
                                List.of(
                                        new RideTrace.OfferTrace(
                                                "a", "Open the window", false, "item", "the brass key"),
                                        new RideTrace.OfferTrace("b", "Keep still", false, null, null)),
                                "a",
                                List.of(),
                                true),
                        new RideTrace.StopTrace(2, null, null, List.of(), null, List.of(), false)),
                null,
                "home");
        RideRead ride = new RideRead(
                9,
                List.of(
                        new RideRead.Stop(0, "A porter raps on the glass.", TWO, "b", false),
                        new RideRead.Stop(1, "You stay still.\n\nA key lies on the seat.", TWO, "a", false),
                        new RideRead.Stop(2, "You keep it.\n\nThe train stops for good.", List.of(), null, true)),
                trace);

        // when
        EditorReport.Coverage coverage = reading().report(ride).coverage();

        // then
        assertThat(coverage.encountersOpened()).isEqualTo(1);
        assertThat(coverage.dropped()).isEqualTo(1);
        assertThat(coverage.consequential()).isEqualTo(1);
        assertThat(coverage.echoed()).isZero();
        assertThat(coverage.endingsPrepared()).isEqualTo(1);
        assertThat(coverage.endings()).extracting(EditorReport.Share::text).containsExactly("home");
    }

    @Test
    void leastUsedPolicyTakesEveryChoiceBeforeTakingOneTwice() {
        // given
        ChoicePolicy.Chooser chooser = ChoicePolicy.LEAST_USED.chooser(new java.util.Random(1));
        List<ChoiceOption> three =
                List.of(new ChoiceOption("a", "A"), new ChoiceOption("b", "B"), new ChoiceOption("c", "C"));

        // when
        List<String> taken = List.of(
                chooser.choose(three).id(),
                chooser.choose(three).id(),
                chooser.choose(three).id());

        // then
        assertThat(taken).containsExactlyInAnyOrder("a", "b", "c");
    }

    private static ReadingOfOne reading() {
        return new ReadingOfOne();
    }

    private static RideRead ride(long seed, String... passages) {
        List<RideRead.Stop> stops = new java.util.ArrayList<>();
        for (int i = 0; i < passages.length; i++) {
            boolean last = i == passages.length - 1;
            stops.add(new RideRead.Stop(i, passages[i], last ? List.of() : TWO, last ? null : "a", last));
        }
        return new RideRead(seed, stops, null);
    }

    /** Reads one ride and reports. */
    private static final class ReadingOfOne {
        EditorReport report(RideRead ride) {
            EditorReading reading = new EditorReading("random", s -> false, null);
            reading.read(ride);
            return reading.report();
        }
    }
}
