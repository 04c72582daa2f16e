package com.liminaltransit.narrative;

/**
 * What one provider call produced: the narrative and what it cost to get it.
 *
 * @param narrative    the validated story step
 * @param provider     the provider's name, e.g. {@code offline}
 * @param model        the model that wrote it
 * @param inputTokens  tokens sent
 * @param outputTokens tokens received
 */
public record Generation(Narrative narrative, String provider, String model, int inputTokens, int outputTokens) {}
