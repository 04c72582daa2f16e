package com.liminaltransit.narrative;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Counts the vendor calls made for one step (retries and repair turns included), so the stored step says how many
 * calls it really took. Keyed by the identity of the step's {@link StoryContext}, which the chain hands unchanged
 * through the fault-tolerance interceptors to the provider, whatever thread they run it on.
 */
@ApplicationScoped
public class CallLedger {

    private final Map<StoryContext, int[]> calls = Collections.synchronizedMap(new IdentityHashMap<>());

    /** One vendor call was made for {@code context}. */
    public void count(StoryContext context) {
        synchronized (calls) {
            calls.computeIfAbsent(context, c -> new int[1])[0]++;
        }
    }

    /** The calls counted for {@code context} since the last take, forgetting them. */
    public int take(StoryContext context) {
        int[] counted = calls.remove(context);
        return counted == null ? 0 : counted[0];
    }
}
