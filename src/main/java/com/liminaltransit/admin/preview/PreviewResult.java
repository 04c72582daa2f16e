package com.liminaltransit.admin.preview;

import com.liminaltransit.narrative.ChoiceOption;
import java.util.List;
import java.util.Locale;

/**
 * What one provider wrote for a preview column. Model output is data: the page renders it escaped.
 *
 * @param provider      the provider asked
 * @param model         the model that answered, or {@code null}
 * @param passage       the passage, or {@code null} when there is none
 * @param choices       the choices offered
 * @param ending        whether the stop ends the ride
 * @param valid         whether the answer keeps the AI contract
 * @param verdict       the validation verdict or the failure, in words
 * @param inputTokens   tokens sent
 * @param outputTokens  tokens received
 * @param costUsd       what the call cost
 * @param latencyMillis wall time of the call
 * @param calls         vendor calls made (a repair or a retry makes more than one)
 */
public record PreviewResult(
        String provider,
        String model,
        String passage,
        List<ChoiceOption> choices,
        boolean ending,
        boolean valid,
        String verdict,
        int inputTokens,
        int outputTokens,
        double costUsd,
        long latencyMillis,
        int calls) {

    /** A provider that failed or was not configured. */
    static PreviewResult failed(String provider, String verdict, long latencyMillis, int calls) {
        return new PreviewResult(provider, null, null, List.of(), false, false, verdict, 0, 0, 0, latencyMillis, calls);
    }

    /** The cost as dollars, six places. */
    public String costText() {
        return String.format(Locale.ROOT, "$%.6f", costUsd);
    }
}
