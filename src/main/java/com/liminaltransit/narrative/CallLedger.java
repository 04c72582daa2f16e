package com.liminaltransit.narrative;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The register of the steps being written: it counts the vendor calls made for each (retries and repair turns
 * included), so the stored step says how many calls it really took, and the bills reported for it through
 * {@link VendorCalls}, so the chain knows whether a provider's calls are already on the spend ledger. Keyed by the
 * identity of the step's {@link StoryContext}, which the chain hands unchanged through the fault-tolerance
 * interceptors to the provider, whatever thread they run it on.
 */
@ApplicationScoped
public class CallLedger {

    /** Where a step stands when a bill arrives for it. */
    public enum Standing {
        /** The step is being written: the call is on time. */
        OPEN,
        /** The step's deadline passed and {@code offline} wrote it: the call is late. */
        LAPSED,
        /** No step is registered: a provider used outside the chain (a live test). */
        UNKNOWN
    }

    /**
     * What a step's provider did since the last settlement.
     *
     * @param calls    vendor calls counted ({@link #count})
     * @param bills    vendor calls billed ({@link #bill})
     * @param billedUsd what those bills came to
     * @param standing where the step stands
     */
    public record Tally(int calls, int bills, double billedUsd, Standing standing) {}

    private static final class Step {
        final Instant deadline;
        int calls;
        int bills;
        double billedUsd;
        boolean lapsed;

        Step(Instant deadline) {
            this.deadline = deadline;
        }

        Standing standing(Instant at) {
            return lapsed || deadline != null && at.isAfter(deadline) ? Standing.LAPSED : Standing.OPEN;
        }
    }

    private final Map<StoryContext, Step> steps = Collections.synchronizedMap(new IdentityHashMap<>());

    /** The chain starts a step with no deadline: calls for {@code context} are counted until {@link #close}. */
    public void open(StoryContext context) {
        steps.put(context, new Step(null));
    }

    /**
     * The chain starts a step that {@code offline} writes if no provider has by {@code deadline}: calls for
     * {@code context} are counted until {@link #close}, and those that end after the deadline are late.
     */
    public void open(StoryContext context, Instant deadline) {
        steps.put(context, new Step(deadline));
    }

    /**
     * One vendor call was made for {@code context}. Calls for a step that is not open (a provider used outside the
     * chain, or one still running after the step deadline closed it) are not counted, so nothing is kept.
     */
    public void count(StoryContext context) {
        synchronized (steps) {
            Step step = steps.get(context);
            if (step != null && !step.lapsed) {
                step.calls++;
            }
        }
    }

    /**
     * A vendor call for {@code context} that ended {@code at} was billed (the spend ledger calls this as it writes
     * the row).
     *
     * @return where the step stands, so a call that ended after the deadline is kept as late
     */
    public Standing bill(StoryContext context, double costUsd, Instant at) {
        synchronized (steps) {
            Step step = steps.get(context);
            if (step == null) {
                return Standing.UNKNOWN;
            }
            step.bills++;
            step.billedUsd += costUsd;
            return step.standing(at);
        }
    }

    /** The calls counted for {@code context} since the last take, starting again from zero. */
    public int take(StoryContext context) {
        return settle(context, Instant.MIN).calls();
    }

    /** Calls and bills since the last settlement, starting again from zero; the standing as of {@code at}. */
    public Tally settle(StoryContext context, Instant at) {
        synchronized (steps) {
            Step step = steps.get(context);
            if (step == null) {
                return new Tally(0, 0, 0, Standing.UNKNOWN);
            }
            Tally tally = new Tally(step.calls, step.bills, step.billedUsd, step.standing(at));
            step.calls = 0;
            step.bills = 0;
            step.billedUsd = 0;
            return tally;
        }
    }

    /**
     * The step's deadline passed and another storyteller wrote it: calls still running for it are late. The step
     * stays registered until the chain {@link #close closes} it, so a late bill is still seen once.
     */
    public void lapse(StoryContext context) {
        synchronized (steps) {
            Step step = steps.get(context);
            if (step != null) {
                step.lapsed = true;
            }
        }
    }

    /** The step is written: forget it. */
    public void close(StoryContext context) {
        steps.remove(context);
    }
}
