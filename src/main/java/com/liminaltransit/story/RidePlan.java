package com.liminaltransit.story;

import com.liminaltransit.narrative.PromptSet;
import java.util.List;

/**
 * How a ride's steps are written: with which prompt version and provider chain, and for which experiment variant.
 *
 * @param variantId the experiment variant the ride belongs to, or {@code null}
 * @param prompts   the prompt version
 * @param chain     the providers to try in order; empty for {@code liminal.ai.chain}
 */
public record RidePlan(Long variantId, PromptSet prompts, List<String> chain) {

    /** Copies the chain. */
    public RidePlan {
        chain = chain == null ? List.of() : List.copyOf(chain);
    }
}
