package com.liminaltransit.narrative;

import java.util.List;

/**
 * What one provider call produced: the narrative and what it cost to get it.
 *
 * @param narrative    the validated story step
 * @param provider     the provider's name, e.g. {@code offline}
 * @param model        the model that wrote it
 * @param inputTokens  tokens sent
 * @param outputTokens tokens received
 * @param seen         what the player has now read that their "seen" memory keeps (the ids of the scenes and the
 *                     thread the {@code offline} storyteller wrote from); empty for model providers
 */
public record Generation(
        Narrative narrative, String provider, String model, int inputTokens, int outputTokens, List<String> seen) {

    /** Copies the list. */
    public Generation {
        seen = seen == null ? List.of() : List.copyOf(seen);
    }

    /** A generation with nothing for the seen memory. */
    public Generation(Narrative narrative, String provider, String model, int inputTokens, int outputTokens) {
        this(narrative, provider, model, inputTokens, outputTokens, List.of());
    }
}
