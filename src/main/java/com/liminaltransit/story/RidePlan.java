package com.liminaltransit.story;

import com.liminaltransit.narrative.PromptSet;
import java.util.List;

/**
 * How a ride's steps are written: with which prompt version and provider chain, and for which experiment variant.
 *
 * @param variantId the experiment variant the ride belongs to, or {@code null}
 * @param prompts   the prompt version
 * @param chain     the providers to try in order; empty for {@code liminal.ai.chain}
 * @param bankVersion the offline storyteller's content bank version, or {@code null} for the shipped bank
 */
public record RidePlan(Long variantId, PromptSet prompts, List<String> chain, Integer bankVersion) {

    /** Copies the chain. */
    public RidePlan {
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    /** A plan that writes from the shipped content bank. */
    public RidePlan(Long variantId, PromptSet prompts, List<String> chain) {
        this(variantId, prompts, chain, null);
    }
}
