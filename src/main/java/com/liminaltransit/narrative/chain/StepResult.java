package com.liminaltransit.narrative.chain;

import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.Narrative;

/**
 * What the chain hands back for one stop: the generation that won and the bookkeeping a step stores.
 *
 * @param generation     the narrative and the provider, model and tokens that produced it
 * @param costUsd        what the winning call cost
 * @param latencyMillis  wall time of the whole chain for this stop
 * @param attempts       provider calls made, the winning one included
 * @param fallbackReason why earlier providers were passed over; {@code null} when the first one answered
 */
public record StepResult(
        Generation generation, double costUsd, long latencyMillis, int attempts, String fallbackReason) {

    /** The narrative that was written. */
    public Narrative narrative() {
        return generation.narrative();
    }

    /** The same step showing {@code shown} (a translation of its narrative), its bookkeeping unchanged. */
    public StepResult withNarrative(Narrative shown) {
        Generation same = new Generation(
                shown, generation.provider(), generation.model(), generation.inputTokens(), generation.outputTokens());
        return new StepResult(same, costUsd, latencyMillis, attempts, fallbackReason);
    }
}
