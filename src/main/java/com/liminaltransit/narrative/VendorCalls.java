package com.liminaltransit.narrative;

/**
 * The bill for every vendor call, written when the call ends: the vendor exchange reports each one (the first
 * answer and its repair, a failed call, one that ends after the step deadline), and the chain's spend ledger keeps
 * it, so the daily budget sees everything the vendors were paid. Calls for a step whose deadline has passed are
 * kept as {@link CallOutcome#LATE} whatever {@code outcome} says.
 */
public interface VendorCalls {

    /**
     * One vendor call for {@code context} ended.
     *
     * @param provider     the provider's name ({@link AiProvider#name()})
     * @param model        the model asked (the writer's choice or the configured one), or {@code null}
     * @param inputTokens  tokens read as the vendor counted them (negative counts are kept as 0)
     * @param outputTokens tokens written (negative counts are kept as 0)
     * @param costUsd      what the call cost in US dollars (0 for a call that failed without a reply)
     * @param outcome      {@code VALID}, {@code INVALID} or {@code FAILED}
     */
    void paid(
            StoryContext context,
            String provider,
            String model,
            int inputTokens,
            int outputTokens,
            double costUsd,
            CallOutcome outcome);
}
