package com.liminaltransit.admin.ridebot;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.offline.OfflineProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The editor's randomtest as a gate of the build: a thousand {@code offline} rides, chosen at random and by the
 * least-used choice, must read as an editor would pass them. No sentence read twice in a ride; no sentence but a
 * frame in more than one ride in ten; no label offered again at a later stop; no slip in a filled template; no
 * encounter dropped; nobody named after they left the train; every ride ends. Each report is written to
 * {@code target/randomtest/} to read when the gate fails (the figures themselves go to {@code bench/}).
 */
class OfflineRandomtestGateTest {

    private static final int RIDES = 1000;

    private final OfflineRandomtest randomtest = new OfflineRandomtest(new OfflineProvider());

    @Test
    void aThousandRandomRidesReadCleanly() throws IOException {
        EditorReport report = randomtest.run(RIDES, 1, ChoicePolicy.RANDOM);

        keep(report, "random");
        assertClean(report);
    }

    @Test
    void aThousandRidesTakingTheLeastUsedChoiceReadCleanly() throws IOException {
        EditorReport report = randomtest.run(RIDES, 2, ChoicePolicy.LEAST_USED);

        keep(report, "least-used");
        assertClean(report);
    }

    private static void assertClean(EditorReport report) {
        assertThat(report.rides()).isEqualTo(RIDES);
        assertThat(report.shareJudged()).isTrue();
        assertThat(report.ridesWithRepeat())
                .as("rides reading a sentence twice")
                .isZero();
        assertThat(report.overLimit())
                .as("non-frame sentences in more than 10%% of rides: %s", report.acrossRides())
                .isZero();
        assertThat(report.labelRepeats()).as("labels offered again in a ride").isZero();
        assertThat(report.faults())
                .as("template slips: %s", report.faultExamples())
                .isZero();
        assertThat(report.unended()).as("rides without an ending").isZero();
        assertThat(report.coverage()).isNotNull();
        assertThat(report.coverage().dropped())
                .as("dropped encounters: %s", report.coverage().droppedExamples())
                .isZero();
        assertThat(report.coverage().goneNamed())
                .as("departed passengers named")
                .isZero();
        assertThat(report.coverage().endingsPrepared())
                .isEqualTo(report.coverage().endingsReached());
        assertThat(report.coverage().stopsWithConsequence())
                .isEqualTo(report.coverage().openStops());
        assertThat(report.coverage().endingsNever())
                .as("endings no ride reached")
                .isEmpty();
        assertThat(report.problems()).isEmpty();
    }

    private static void keep(EditorReport report, String policy) throws IOException {
        Path folder = Path.of("target", "randomtest");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("offline-" + policy + ".txt"), report.toText());
    }
}
