package com.liminaltransit.admin.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.liminaltransit.web.Player;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    @Test
    void samePlayerAndExperimentAlwaysGetTheSameVariant() {
        String player = Player.newPlayer().ownerHash();

        int first = Assignment.pick(player, 7, List.of(1, 1, 1));

        for (int i = 0; i < 50; i++) {
            assertThat(Assignment.pick(player, 7, List.of(1, 1, 1))).isEqualTo(first);
        }
    }

    @Test
    void sharesFollowTheWeightsWithinFourStandardErrorsOverTwentyThousandPlayers() {
        // given weights 1 : 3 : 6 and 20,000 players
        List<Integer> weights = List.of(1, 3, 6);
        int players = 20_000;
        int[] counts = new int[3];
        // when each is assigned
        for (int i = 0; i < players; i++) {
            counts[Assignment.pick(Player.newPlayer().ownerHash(), 42, weights)]++;
        }
        // then each share is its weight's share, within 4 binomial standard errors
        for (int v = 0; v < 3; v++) {
            double expected = weights.get(v) / 10.0;
            double error = Math.sqrt(expected * (1 - expected) / players);
            assertThat(counts[v] / (double) players).as("variant %d", v).isCloseTo(expected, within(4 * error));
        }
    }

    @Test
    void anotherExperimentSplitsPlayersAfresh() {
        int same = 0;
        int players = 4_000;
        for (int i = 0; i < players; i++) {
            String player = Player.newPlayer().ownerHash();
            if (Assignment.pick(player, 1, List.of(1, 1)) == Assignment.pick(player, 2, List.of(1, 1))) {
                same++;
            }
        }
        assertThat(same / (double) players).isCloseTo(0.5, within(4 * Math.sqrt(0.25 / players)));
    }

    @Test
    void theVariantOfAnExperimentFollowsThePickAndAnEmptyExperimentHasNone() {
        String player = Player.newPlayer().ownerHash();
        List<Variant> variants = List.of(
                new Variant(10, 7, 0, "A", 1, List.of(), 1),
                new Variant(11, 7, 1, "B", 1, List.of(), 3),
                new Variant(12, 7, 2, "C", 1, List.of(), 6));
        Experiment experiment =
                new Experiment(7, "e", ExperimentStatus.RUNNING, "ada", Instant.EPOCH, null, null, variants);

        assertThat(Assignment.variantFor(experiment, player))
                .hasValue(variants.get(Assignment.pick(player, 7, List.of(1, 3, 6))));
        assertThat(Assignment.variantFor(
                        new Experiment(8, "e", ExperimentStatus.RUNNING, "ada", Instant.EPOCH, null, null, List.of()),
                        player))
                .isEmpty();
    }

    @Test
    void wilsonIntervalMatchesTheTextbookFigures() {
        // 8 of 10: Wilson 95% is 0.490 – 0.943
        Intervals.Interval interval = Intervals.wilson(8, 10);
        assertThat(interval.low()).isCloseTo(0.490, within(0.001));
        assertThat(interval.high()).isCloseTo(0.943, within(0.001));
        assertThat(Intervals.wilson(0, 0)).isEqualTo(new Intervals.Interval(0, 1));
    }
}
