package com.liminaltransit.admin.ridebot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a randomtest run found. A run is clean when no ride dead-ended, no passage broke the AI contract, no step
 * failed, no provider fell back, no two consecutive passages repeated each other beyond the threshold, and the
 * editor's reading found nothing wrong (see {@link EditorReport#problems()}).
 *
 * @param requested      rides asked for
 * @param rides          rides played (fewer than asked for when cancelled)
 * @param cancelled      whether a writer cancelled the run before it played every ride
 * @param seed           the run's seed (the same seed and count replay the same rides on a deterministic chain)
 * @param chain          the providers tried, in order
 * @param completed      rides that reached a terminus
 * @param deadEnds       rides that stopped without an ending (no choices, or no ending within the stop limit)
 * @param invalid        passages that break the AI contract (NarrativeValidator)
 * @param errors         steps that failed with an error
 * @param fallbacks      passages written after an earlier provider failed
 * @param repeated       consecutive passage pairs whose trigram overlap passed the threshold
 * @param maxOverlap     the highest trigram overlap between consecutive passages
 * @param meanOverlap    the mean trigram overlap between consecutive passages
 * @param minStops       fewest passages of a completed ride
 * @param meanStops      mean passages of a completed ride
 * @param maxStops       most passages of a completed ride
 * @param totalCostUsd   what all passages cost
 * @param elapsed        wall time of the run
 * @param findings       the first few problems, one line each
 * @param editor         the run read as an editor reads (repetition, coverage, slips, consequences)
 */
public record RideBotReport(
        int requested,
        int rides,
        boolean cancelled,
        long seed,
        List<String> chain,
        int completed,
        int deadEnds,
        int invalid,
        int errors,
        int fallbacks,
        int repeated,
        double maxOverlap,
        double meanOverlap,
        int minStops,
        double meanStops,
        int maxStops,
        BigDecimal totalCostUsd,
        Duration elapsed,
        List<String> findings,
        EditorReport editor) {

    /** Consecutive passages sharing more than this share of trigrams count as repeated. */
    public static final double REPETITION_THRESHOLD = 0.5;

    public RideBotReport {
        chain = List.copyOf(chain);
        findings = List.copyOf(findings);
    }

    /** Whether the run found nothing wrong, the editor's reading included. */
    public boolean clean() {
        return !cancelled
                && deadEnds == 0
                && invalid == 0
                && errors == 0
                && fallbacks == 0
                && repeated == 0
                && completed == rides
                && (editor == null || editor.problems().isEmpty());
    }

    /** Mean cost of a ride. */
    public BigDecimal costPerRide() {
        return rides == 0 ? BigDecimal.ZERO : totalCostUsd.divide(BigDecimal.valueOf(rides), 6, RoundingMode.HALF_UP);
    }

    /** The report as plain text, for the command line and CI logs. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "randomtest: %d rides, seed %d, chain %s%n", rides, seed, chain));
        if (cancelled) {
            text.append(String.format(
                    Locale.ROOT, "  CANCELLED after %d of %d rides (the figures cover those)%n", rides, requested));
        }
        text.append(String.format(
                Locale.ROOT,
                "  verdict:          %s%n",
                clean() ? "CLEAN" : cancelled ? "CANCELLED" : "PROBLEMS FOUND"));
        text.append(String.format(Locale.ROOT, "  completed:        %d of %d%n", completed, rides));
        text.append(String.format(Locale.ROOT, "  dead ends:        %d%n", deadEnds));
        text.append(String.format(Locale.ROOT, "  invalid answers:  %d%n", invalid));
        text.append(String.format(Locale.ROOT, "  step errors:      %d%n", errors));
        text.append(String.format(Locale.ROOT, "  fallbacks:        %d%n", fallbacks));
        text.append(String.format(
                Locale.ROOT,
                "  repetition:       %d consecutive pairs over %.0f%% trigram overlap " + "(max %.2f, mean %.3f)%n",
                repeated,
                REPETITION_THRESHOLD * 100,
                maxOverlap,
                meanOverlap));
        text.append(String.format(
                Locale.ROOT, "  stops to ending:  min %d, mean %.1f, max %d%n", minStops, meanStops, maxStops));
        text.append(String.format(
                Locale.ROOT,
                "  cost:             $%s total, $%s per ride%n",
                totalCostUsd.setScale(6, RoundingMode.HALF_UP).toPlainString(),
                costPerRide().toPlainString()));
        text.append(String.format(Locale.ROOT, "  elapsed:          %.1f s%n", elapsed.toMillis() / 1000.0));
        findings.forEach(f -> text.append("  - ").append(f).append(System.lineSeparator()));
        if (editor != null) {
            text.append(editor.toText());
        }
        return text.toString();
    }

    /** {@link #maxOverlap()} as text. */
    public String maxOverlapText() {
        return String.format(Locale.ROOT, "%.2f", maxOverlap);
    }

    /** {@link #meanOverlap()} as text. */
    public String meanOverlapText() {
        return String.format(Locale.ROOT, "%.3f", meanOverlap);
    }

    /** {@link #meanStops()} as text. */
    public String meanStopsText() {
        return String.format(Locale.ROOT, "%.1f", meanStops);
    }

    /** {@link #elapsed()} as text. */
    public String elapsedText() {
        return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }
}
