package com.liminaltransit.admin.preview;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.chain.ProviderTrial;
import com.liminaltransit.narrative.chain.TrialStatus;
import java.util.List;
import java.util.Locale;

/**
 * What one provider wrote for a preview column. Model output is data: the page renders it escaped.
 *
 * @param provider      the provider asked
 * @param status        how it answered (valid, invalid, failed, skipped, refused)
 * @param model         the model that answered, or {@code null}
 * @param passage       the passage, or {@code null} when there is none
 * @param choices       the choices offered
 * @param ending        whether the stop ends the ride
 * @param verdict       the validation verdict, the failure or why it was not asked, in words
 * @param inputTokens   tokens sent
 * @param outputTokens  tokens received
 * @param costUsd       what the calls cost (charged to the spend ledger as a preview)
 * @param latencyMillis wall time of the call
 * @param calls         vendor calls made (a repair or a retry makes more than one)
 * @param language      the language the passage and choices are in (a BCP 47 tag), as players would read them
 */
public record PreviewResult(
        String provider,
        TrialStatus status,
        String model,
        String passage,
        List<ChoiceOption> choices,
        boolean ending,
        String verdict,
        int inputTokens,
        int outputTokens,
        double costUsd,
        long latencyMillis,
        int calls,
        String language) {

    /** The column for what the chain's unguarded path made of the stop, written in {@code language}. */
    static PreviewResult of(ProviderTrial trial, String language) {
        Generation generation = trial.generation();
        return new PreviewResult(
                trial.provider(),
                trial.status(),
                generation == null ? null : generation.model(),
                generation == null ? null : generation.narrative().passage(),
                generation == null ? List.of() : generation.narrative().choices(),
                generation != null && generation.narrative().ending(),
                verdict(trial),
                generation == null ? 0 : generation.inputTokens(),
                generation == null ? 0 : generation.outputTokens(),
                trial.costUsd(),
                trial.latencyMillis(),
                trial.calls(),
                language);
    }

    /** This column showing {@code shown} in {@code shownIn}, with {@code note} added to its verdict. */
    PreviewResult showing(Narrative shown, String shownIn, String note) {
        return new PreviewResult(
                provider,
                status,
                model,
                shown.passage(),
                shown.choices(),
                shown.ending(),
                verdict + note,
                inputTokens,
                outputTokens,
                costUsd,
                latencyMillis,
                calls,
                shownIn);
    }

    /** This column with {@code note} added to its verdict, in the language {@code writtenIn}. */
    PreviewResult noted(String writtenIn, String note) {
        return new PreviewResult(
                provider,
                status,
                model,
                passage,
                choices,
                ending,
                verdict + note,
                inputTokens,
                outputTokens,
                costUsd,
                latencyMillis,
                calls,
                writtenIn);
    }

    private static String verdict(ProviderTrial trial) {
        return switch (trial.status()) {
            case VALID -> trial.calls() > 1 ? "Valid (after " + trial.calls() + " calls)" : "Valid";
            case INVALID -> "Invalid: " + trial.detail();
            case FAILED -> "Failed: " + trial.detail();
            case SKIPPED -> "Skipped: " + trial.detail();
            case REFUSED -> trial.detail();
        };
    }

    /** Whether the answer keeps the AI contract. */
    public boolean valid() {
        return status == TrialStatus.VALID;
    }

    /** The status as the page marks it, e.g. {@code skipped}. */
    public String statusName() {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** The cost as dollars, six places. */
    public String costText() {
        return String.format(Locale.ROOT, "$%.6f", costUsd);
    }
}
