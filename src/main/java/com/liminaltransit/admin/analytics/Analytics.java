package com.liminaltransit.admin.analytics;

import com.liminaltransit.admin.analytics.AnalyticsRepository.ChoiceCount;
import com.liminaltransit.admin.analytics.AnalyticsRepository.DayCompletion;
import com.liminaltransit.admin.analytics.AnalyticsRepository.ProviderCount;
import com.liminaltransit.admin.analytics.AnalyticsRepository.RideCost;
import com.liminaltransit.admin.analytics.AnalyticsRepository.StopCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Turns the analytics queries into the figures and charts of the analytics page. */
@ApplicationScoped
public class Analytics {

    /** A ride that has not moved for this long, and has not ended, counts as abandoned. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final String[] ORDINALS = {"first", "second", "third", "fourth"};

    private final AnalyticsRepository repository;

    @Inject
    Analytics(AnalyticsRepository repository) {
        this.repository = repository;
    }

    /** The whole page's model for the last {@code days} days. */
    Report report(int days, Instant now) {
        Instant since = now.minus(Duration.ofDays(days));
        List<DayCompletion> completion = repository.completionByDay(since);
        List<StopCount> abandoned = repository.abandonedByStop(since, now.minus(ABANDONED_AFTER));
        List<ChoiceCount> choices = repository.choicesByStop(since);
        List<ProviderCount> providers = repository.providerMix(since);
        List<RideCost> costs = repository.costPerRide(since);
        return new Report(
                days,
                figures(completion, abandoned, costs),
                completionChart(completion),
                abandonedChart(abandoned),
                choiceChart(choices),
                providerChart(providers),
                costChart(costs),
                completion,
                abandoned,
                choiceRows(choices),
                providers);
    }

    /**
     * The page's model.
     *
     * @param days       the period, in days back from now
     * @param figures    headline figures
     * @param completion completion rate per day
     * @param abandoned  rides left per stop
     * @param choices    shares of first/second/third/fourth choices per stop
     * @param providers  passages per provider
     * @param cost       mean cost per ride per day
     * @param completionRows the completion data as a table
     * @param abandonedRows  the abandonment data as a table
     * @param choiceRows     the choice data as a table
     * @param providerRows   the provider data as a table
     */
    public record Report(
            int days,
            Figures figures,
            Charts.Chart completion,
            Charts.Chart abandoned,
            Charts.Chart choices,
            Charts.Chart providers,
            Charts.Chart cost,
            List<DayCompletion> completionRows,
            List<StopCount> abandonedRows,
            List<ChoiceRow> choiceRows,
            List<ProviderCount> providerRows) {}

    /**
     * Headline figures.
     *
     * @param rides           player rides boarded in the period
     * @param completed       of which reached the terminus
     * @param completionRate  completed / rides, as a percentage text
     * @param abandoned       rides left unfinished for over an hour
     * @param meanStopsToEnd  mean passages of a completed ride
     * @param totalCost       what all passages cost, USD
     * @param costPerRide     mean cost of a ride, USD
     * @param costPerCompleted total cost / completed rides, USD
     */
    public record Figures(
            int rides,
            int completed,
            String completionRate,
            int abandoned,
            String meanStopsToEnd,
            String totalCost,
            String costPerRide,
            String costPerCompleted) {}

    /**
     * One stop's choice pattern as a table row.
     *
     * @param stop   the stop, from 0
     * @param counts times each position was chosen
     * @param total  choices made at this stop
     */
    public record ChoiceRow(int stop, List<Integer> counts, int total) {}

    static Figures figures(List<DayCompletion> completion, List<StopCount> abandoned, List<RideCost> costs) {
        int rides = completion.stream().mapToInt(DayCompletion::started).sum();
        int completed = completion.stream().mapToInt(DayCompletion::completed).sum();
        int left = abandoned.stream().mapToInt(StopCount::rides).sum();
        BigDecimal total = costs.stream().map(RideCost::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        double meanStops = costs.stream()
                .filter(RideCost::ended)
                .mapToInt(RideCost::stops)
                .average()
                .orElse(0);
        return new Figures(
                rides,
                completed,
                percent(completed, rides),
                left,
                completed == 0 ? "–" : String.format(Locale.ROOT, "%.1f", meanStops),
                usd(total),
                rides == 0 ? "–" : usd(divide(total, rides)),
                completed == 0 ? "–" : usd(divide(total, completed)));
    }

    private static Charts.Chart completionChart(List<DayCompletion> days) {
        List<Charts.Column> columns = days.stream()
                .map(d -> {
                    double rate = d.started() == 0 ? 0 : 100.0 * d.completed() / d.started();
                    return Charts.Column.of(
                            DAY.format(d.day()),
                            rate,
                            percent(d.completed(), d.started()),
                            DAY.format(d.day()) + ": " + d.completed() + " of " + d.started() + " rides completed");
                })
                .toList();
        return Charts.bars("Completion rate per day", columns, 100, "bar");
    }

    private static Charts.Chart abandonedChart(List<StopCount> stops) {
        List<Charts.Column> columns = stops.stream()
                .map(s -> Charts.Column.of(
                        stopName(s.stop()),
                        s.rides(),
                        Integer.toString(s.rides()),
                        s.rides() + " rides left at " + stopName(s.stop())))
                .toList();
        return Charts.bars("Rides abandoned, by the stop they were left at", columns, 0, "bar");
    }

    private static Charts.Chart choiceChart(List<ChoiceCount> counts) {
        List<Charts.Column> columns = new ArrayList<>();
        for (ChoiceRow row : choiceRows(counts)) {
            List<Double> shares = new ArrayList<>();
            List<String> tooltips = new ArrayList<>();
            for (int position = 0; position < row.counts().size(); position++) {
                int count = row.counts().get(position);
                shares.add(row.total() == 0 ? 0 : 100.0 * count / row.total());
                tooltips.add(stopName(row.stop()) + ": " + ORDINALS[position] + " choice taken " + count + " times ("
                        + percent(count, row.total()) + ")");
            }
            columns.add(new Charts.Column(stopName(row.stop()), shares, Integer.toString(row.total()), tooltips));
        }
        return Charts.bars("Which offered choice players took, per stop", columns, 100, "bar");
    }

    static List<ChoiceRow> choiceRows(List<ChoiceCount> counts) {
        Map<Integer, int[]> byStop = new TreeMap<>();
        for (ChoiceCount count : counts) {
            byStop.computeIfAbsent(count.stop(), s -> new int[ORDINALS.length])[Math.min(count.position(), 3)] +=
                    count.count();
        }
        return byStop.entrySet().stream()
                .map(e -> new ChoiceRow(
                        e.getKey(),
                        java.util.Arrays.stream(e.getValue()).boxed().toList(),
                        java.util.Arrays.stream(e.getValue()).sum()))
                .toList();
    }

    private static Charts.Chart providerChart(List<ProviderCount> providers) {
        int total = providers.stream().mapToInt(ProviderCount::passages).sum();
        List<Charts.Column> columns = providers.stream()
                .map(p -> Charts.Column.of(
                        p.provider(),
                        p.passages(),
                        percent(p.passages(), total),
                        p.provider() + ": " + p.passages() + " passages, " + p.fallbacks() + " after a fallback"))
                .toList();
        return Charts.bars("Passages written per provider", columns, 0, "bar");
    }

    private static Charts.Chart costChart(List<RideCost> costs) {
        Map<LocalDate, List<RideCost>> byDay = new TreeMap<>();
        costs.forEach(
                c -> byDay.computeIfAbsent(c.day(), d -> new ArrayList<>()).add(c));
        List<Charts.Column> columns = byDay.entrySet().stream()
                .map(e -> {
                    BigDecimal total =
                            e.getValue().stream().map(RideCost::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal mean = divide(total, e.getValue().size());
                    return Charts.Column.of(
                            DAY.format(e.getKey()),
                            mean.doubleValue(),
                            usd(mean),
                            DAY.format(e.getKey()) + ": " + usd(mean) + " per ride over "
                                    + e.getValue().size() + " rides");
                })
                .toList();
        return Charts.bars("Mean cost per ride, per day (USD)", columns, 0, "bar");
    }

    static String stopName(int stop) {
        return stop == 0 ? "Boarding" : "Stop " + stop;
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
    }

    static String usd(BigDecimal amount) {
        return "$" + amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal divide(BigDecimal total, int count) {
        return total.divide(BigDecimal.valueOf(count), 6, RoundingMode.HALF_UP);
    }
}
