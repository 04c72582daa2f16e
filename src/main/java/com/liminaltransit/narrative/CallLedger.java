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

    /** The chain starts a step: calls for {@code context} are counted until {@link #close}. */
    public void open(StoryContext context) {
        calls.put(context, new int[1]);
    }

    /**
     * One vendor call was made for {@code context}. Calls for a step that is not open (a provider used outside the
     * chain, or one still running after the step deadline closed it) are not counted, so nothing is kept.
     */
    public void count(StoryContext context) {
        synchronized (calls) {
            int[] counted = calls.get(context);
            if (counted != null) {
                counted[0]++;
            }
        }
    }

    /** The calls counted for {@code context} since the last take, starting again from zero. */
    public int take(StoryContext context) {
        synchronized (calls) {
            int[] counted = calls.get(context);
            if (counted == null) {
                return 0;
            }
            int taken = counted[0];
            counted[0] = 0;
            return taken;
        }
    }

    /** The step is written: forget it. */
    public void close(StoryContext context) {
        calls.remove(context);
    }
}
