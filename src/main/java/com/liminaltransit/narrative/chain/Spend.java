package com.liminaltransit.narrative.chain;

import com.liminaltransit.narrative.CallOutcome;
import com.liminaltransit.narrative.CallPurpose;
import com.liminaltransit.narrative.StoryContext;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the spend ledger: one paid vendor call. Whatever a vendor reports, the row fits its columns: tokens
 * and cost are clamped at zero (a vendor once reported negative usage), names are cut to their column, so writing
 * the bill can never fail on the vendor's word.
 *
 * @param calledAt     when the call ended
 * @param provider     the provider's name
 * @param model        the model asked, or {@code null}
 * @param inputTokens  tokens read, at least 0
 * @param outputTokens tokens written, at least 0
 * @param costUsd      what the call cost in US dollars, at least 0
 * @param purpose      what the call was made for
 * @param rideId       the ride written or previewed, or {@code null}
 * @param stop         the stop written, or {@code null}
 * @param outcome      how the call ended
 */
public record Spend(
        Instant calledAt,
        String provider,
        String model,
        int inputTokens,
        int outputTokens,
        double costUsd,
        CallPurpose purpose,
        String rideId,
        Integer stop,
        CallOutcome outcome) {

    /** The largest cost one row holds (the column is {@code numeric(14, 8)}). */
    static final double MAX_COST_USD = 999_999;

    /** Clamps and cuts to the columns. */
    public Spend {
        Objects.requireNonNull(calledAt, "calledAt");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(outcome, "outcome");
        provider = cut(Objects.requireNonNullElse(provider, "unknown"), 32);
        model = model == null || model.isBlank() ? null : cut(model, 200);
        inputTokens = Math.max(0, inputTokens);
        outputTokens = Math.max(0, outputTokens);
        costUsd = Double.isNaN(costUsd) ? 0 : Math.min(MAX_COST_USD, Math.max(0, costUsd));
        rideId = rideId == null ? null : cut(rideId, 64);
    }

    /** A call made for the stop {@code context} asks for. */
    public static Spend of(
            Instant calledAt,
            StoryContext context,
            String provider,
            String model,
            int inputTokens,
            int outputTokens,
            double costUsd,
            CallOutcome outcome) {
        return new Spend(
                calledAt,
                provider,
                model,
                inputTokens,
                outputTokens,
                costUsd,
                context.purpose(),
                context.rideId(),
                context.stop(),
                outcome);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
