package com.liminaltransit.narrative.chain;

import com.liminaltransit.narrative.Generation;

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

    static ProviderTrial notAsked(String provider, TrialStatus status, String detail) {
        return new ProviderTrial(provider, status, null, detail, 0, 0, 0);
    }
}
