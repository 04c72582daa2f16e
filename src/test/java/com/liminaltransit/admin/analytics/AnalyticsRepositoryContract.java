package com.liminaltransit.admin.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.admin.analytics.AnalyticsRepository.ChoiceCount;
import com.liminaltransit.admin.analytics.AnalyticsRepository.DayCompletion;
import com.liminaltransit.admin.analytics.AnalyticsRepository.ProviderCount;
import com.liminaltransit.admin.analytics.AnalyticsRepository.StopCount;
import com.liminaltransit.persistence.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The analytics figures of a known history ({@link SeededRides}), on every database we support, through the real
 * migrations: players' rides only, within the period.
 */
abstract class AnalyticsRepositoryContract {

    private static final Instant NOW = Instant.now();
    private static final Instant SINCE = NOW.minus(Duration.ofDays(30));

    private static Database database;
    private static AnalyticsRepository repository;

    /** Opens, migrates and seeds the database a subclass names (call from its {@code @BeforeAll}). */
    static void open(String url, String user) {
        database = new Database(url, Optional.of(user), Optional.empty(), 4);
        database.migrateOnStart(null);
        try (Connection connection = database.dataSource().getConnection()) {
            SeededRides.seed(connection, NOW);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        repository = new AnalyticsRepository(database.dataSource());
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @Test
    void completionPerDayCountsPlayersRidesOnly() {
        assertThat(repository.completionByDay(SINCE))
                .containsExactly(
                        new DayCompletion(SeededRides.DAY_A, 3, 2), new DayCompletion(SeededRides.DAY_B, 2, 0));
    }

    @Test
    void abandonedRidesAreCountedAtTheStopTheyWereLeftAt() {
        assertThat(repository.abandonedByStop(SINCE, NOW.minus(Analytics.ABANDONED_AFTER)))
                .containsExactly(new StopCount(0, 1), new StopCount(1, 1));
    }

    @Test
    void choicePatternsCountEachOfferedPositionPerStop() {
        assertThat(repository.choicesByStop(SINCE))
                .containsExactly(
                        new ChoiceCount(0, 0, 2),
                        new ChoiceCount(0, 1, 1),
                        new ChoiceCount(0, 2, 1),
                        new ChoiceCount(1, 0, 1),
                        new ChoiceCount(1, 1, 1));
    }

    @Test
    void providerMixCountsPassagesAndFallbacks() {
        assertThat(repository.providerMix(SINCE))
                .containsExactly(new ProviderCount("offline", 6, 1), new ProviderCount("bedrock", 5, 0));
    }

    @Test
    void costPerRideSumsItsPassages() {
        assertThat(repository.costPerRide(SINCE))
                .hasSize(5)
                .extracting(c -> c.costUsd().stripTrailingZeros())
                .containsExactlyInAnyOrder(
                        new BigDecimal("0.03"),
                        BigDecimal.ZERO,
                        new BigDecimal("0.02"),
                        new BigDecimal("0.005"),
                        BigDecimal.ZERO);
    }

    @Test
    void headlineFiguresAddUp() {
        Analytics.Figures figures = Analytics.figures(
                repository.completionByDay(SINCE),
                repository.abandonedByStop(SINCE, NOW.minus(Analytics.ABANDONED_AFTER)),
                repository.costPerRide(SINCE));

        assertThat(figures).isEqualTo(new Analytics.Figures(5, 2, "40%", 2, "3.0", "$0.0550", "$0.0110", "$0.0275"));
    }
}
