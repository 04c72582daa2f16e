package com.liminaltransit.narrative.chain;

import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.InvalidNarrativeException;

/**
 * What one provider, asked alone and outside the players' fault tolerance, made of a stop.
 *
 * @param provider      the provider asked
 * @param status        how it answered
 * @param generation    what it wrote, valid or not; {@code null} when it wrote nothing
 * @param detail        why it was invalid, failed, skipped or refused, in words; {@code null} when valid
 * @param costUsd       what its calls cost (on the spend ledger, charged as {@code preview})
 * @param latencyMillis wall time of the call
 * @param calls         vendor calls made (a repair or a retry makes more than one; 0 when not asked)
 */
public record ProviderTrial(
        String provider,
        TrialStatus status,
        Generation generation,
        String detail,
        double costUsd,
        long latencyMillis,
        int calls) {

    /** What an attempt of the chain's unguarded path made of the stop. */
    static ProviderTrial of(String provider, Attempt attempt) {
        long millis = attempt.latency().toMillis();
        if (attempt.generation() != null) {
            return new ProviderTrial(
                    provider,
                    attempt.valid() ? TrialStatus.VALID : TrialStatus.INVALID,
                    attempt.generation(),
                    attempt.valid() ? null : attempt.verdict().complaint(),
                    attempt.costUsd(),
                    millis,
                    attempt.calls());
        }
        RuntimeException e = attempt.failure();
        return e instanceof InvalidNarrativeException
                ? new ProviderTrial(
                        provider, TrialStatus.INVALID, null, e.getMessage(), attempt.costUsd(), millis, attempt.calls())
                : new ProviderTrial(
                        provider,
                        TrialStatus.FAILED,
                        null,
                        ProviderChain.describe(e),
                        attempt.costUsd(),
                        millis,
                        attempt.calls());
    }

    static ProviderTrial notAsked(String provider, TrialStatus status, String detail) {
        return new ProviderTrial(provider, status, null, detail, 0, 0, 0);
    }
}
