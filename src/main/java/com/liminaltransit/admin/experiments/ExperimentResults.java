package com.liminaltransit.admin.experiments;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import com.liminaltransit.story.RideSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The figures of an experiment, per variant, from its players' rides (the randomtest bot's rides are left out):
 * rides started, completion rate, stops per ride, fallbacks and AI errors per step, cost per completed ride, with
 * 95% intervals (Wilson for rates, normal for means).
 */
@ApplicationScoped
public class ExperimentResults {

    /**
     * One variant's figures.
     *
     * @param variant        the variant
     * @param rides          rides started
     * @param completed      rides that reached an ending
     * @param steps          passages written
     * @param stopsSum       sum of stops over rides (for the mean)
     * @param stopsSquares   sum of squared stops (for the interval)
     * @param fallbackSteps  steps written by a later provider of the chain
     * @param aiErrors       failed vendor calls (calls beyond the one that wrote each step)
     * @param cost           total cost in US dollars
     */
    public record VariantResult(
            ExperimentView.VariantView variant,
            long rides,
            long completed,
            long steps,
            double stopsSum,
            double stopsSquares,
            long fallbackSteps,
            long aiErrors,
            BigDecimal cost) {

        /** Completed rides / rides, as a percentage. */
        public String completionText() {
            return rides == 0 ? "–" : percent((double) completed / rides);
        }

        /** Wilson 95% interval of the completion rate. */
        public String completionInterval() {
            return interval(Intervals.wilson(completed, rides));
        }

        /** Mean stops per ride. */
        public String stopsText() {
            return rides == 0 ? "–" : String.format(Locale.ROOT, "%.2f", stopsSum / rides);
        }

        /** 95% interval of the mean stops per ride. */
        public String stopsInterval() {
            Intervals.Interval i = Intervals.mean(stopsSum, stopsSquares, rides);
            return rides == 0 ? "–" : String.format(Locale.ROOT, "%.2f – %.2f", i.low(), i.high());
        }

        /** Steps written by a fallback provider, as a share of steps. */
        public String fallbackText() {
            return steps == 0 ? "–" : fallbackSteps + " (" + percent((double) fallbackSteps / steps) + ")";
        }

        /** Wilson 95% interval of the fallback rate per step. */
        public String fallbackInterval() {
            return interval(Intervals.wilson(fallbackSteps, steps));
        }

        /** Failed vendor calls per 100 steps. */
        public String aiErrorsText() {
            return steps == 0
                    ? "–"
                    : aiErrors + String.format(Locale.ROOT, " (%.1f per 100 steps)", 100.0 * aiErrors / steps);
        }

        /** Total cost divided by completed rides. */
        public String costPerCompletedText() {
            return completed == 0
                    ? "–"
                    : "$"
                            + cost.divide(BigDecimal.valueOf(completed), 6, RoundingMode.HALF_UP)
                                    .toPlainString();
        }

        private static String percent(double share) {
            return String.format(Locale.ROOT, "%.1f%%", share * 100);
        }

        private static String interval(Intervals.Interval i) {
            return String.format(Locale.ROOT, "%.1f%% – %.1f%%", i.low() * 100, i.high() * 100);
        }
    }

    private final DataSource dataSource;

    /** Reads the rides of {@code database}. */
    @Inject
    public ExperimentResults(Database database) {
        this.dataSource = database.dataSource();
    }

    /** The figures of each variant of {@code experiment}, in variant order. */
    public List<VariantResult> of(Experiment experiment) {
        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, double[]> stops = new HashMap<>();
        Map<Long, BigDecimal> costs = new HashMap<>();
        Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select r.variant_id, r.ended, r.stops,
                           (select count(*) from passage p where p.ride_id = r.id),
                           (select count(*) from passage p where p.ride_id = r.id and p.fallback_reason is not null),
                           (select coalesce(sum(p.attempts), 0) from passage p where p.ride_id = r.id),
                           (select coalesce(sum(p.cost_usd), 0) from passage p where p.ride_id = r.id)
                    from ride r join experiment_variant v on v.id = r.variant_id
                    where v.experiment_id = ? and r.source = ?""")) {
                query.setLong(1, experiment.id());
                query.setString(2, RideSource.PLAYER.column());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long variant = rows.getLong(1);
                        long[] c = counts.computeIfAbsent(variant, v -> new long[5]);
                        double[] s = stops.computeIfAbsent(variant, v -> new double[2]);
                        int rideStops = rows.getInt(3);
                        long passages = rows.getLong(4);
                        c[0]++;
                        c[1] += rows.getBoolean(2) ? 1 : 0;
                        c[2] += passages;
                        c[3] += rows.getLong(5);
                        c[4] += Math.max(0, rows.getLong(6) - passages);
                        s[0] += rideStops;
                        s[1] += (double) rideStops * rideStops;
                        costs.merge(variant, rows.getBigDecimal(7), BigDecimal::add);
                    }
                }
            }
            return null;
        });
        return experiment.variants().stream()
                .map(v -> {
                    long[] c = counts.getOrDefault(v.id(), new long[5]);
                    double[] s = stops.getOrDefault(v.id(), new double[2]);
                    return new VariantResult(
                            new ExperimentView.VariantView(v),
                            c[0],
                            c[1],
                            c[2],
                            s[0],
                            s[1],
                            c[3],
                            c[4],
                            costs.getOrDefault(v.id(), BigDecimal.ZERO));
                })
                .toList();
    }
}
