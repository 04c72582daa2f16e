package com.liminaltransit.narrative.chain;

import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ValidationResult;
import java.time.Duration;

/**
 * One provider asked once by the chain: what it wrote (or how it failed), what its calls cost, how many there were.
 *
 * @param generation what it wrote, valid or not; {@code null} when the call failed
 * @param verdict    the validator's verdict on it; {@code null} when the call failed
 * @param failure    why it cannot be used ({@link com.liminaltransit.narrative.InvalidNarrativeException} for an
 *                   invalid answer); {@code null} when valid
 * @param costUsd    what its calls cost
 * @param calls      vendor calls made, at least 1
 * @param latency    wall time of the call
 */
record Attempt(
        Generation generation,
        ValidationResult verdict,
        RuntimeException failure,
        double costUsd,
        int calls,
        Duration latency) {

    /** Whether it wrote a valid narrative. */
    boolean valid() {
        return failure == null;
    }
}
