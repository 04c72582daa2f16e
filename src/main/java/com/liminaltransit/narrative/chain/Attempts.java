package com.liminaltransit.narrative.chain;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.CallOutcome;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.ValidationResult;
import com.liminaltransit.narrative.VendorCalls;
import com.liminaltransit.narrative.vendor.PriceTable;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * What the chain does with one provider, for a player's step and for a writer's preview alike: call it, validate its
 * answer, count its vendor calls and see that each paid call is on the spend ledger once.
 */
final class Attempts {

    private final CallLedger ledger;
    private final SpendLedger spend;
    private final PriceTable prices;
    private final Clock clock;
    private final int minStopsBeforeEnding;

    Attempts(CallLedger ledger, SpendLedger spend, PriceTable prices, Clock clock, int minStopsBeforeEnding) {
        this.ledger = ledger;
        this.spend = spend;
        this.prices = prices;
        this.clock = clock;
        this.minStopsBeforeEnding = minStopsBeforeEnding;
    }

    /**
     * What the chain does with one provider: call it, validate its answer, count its vendor calls and put what they
     * cost on the spend ledger (unless the vendor exchange already billed each call).
     */
    Attempt ask(AiProvider provider, StoryContext context, Function<StoryContext, Generation> call) {
        long started = System.nanoTime();
        Generation generation;
        try {
            generation = call.apply(context);
        } catch (RuntimeException e) {
            CallLedger.Tally tally = ledger.settle(context, clock.instant());
            return new Attempt(null, null, e, tally.billedUsd(), calls(tally), since(started));
        }
        ValidationResult verdict = provider.validate(generation.narrative())
                .and(NarrativeValidator.checkEnding(generation.narrative(), context.stop(), minStopsBeforeEnding));
        CallLedger.Tally tally = ledger.settle(context, clock.instant());
        double cost = bill(provider, context, generation, verdict, tally);
        RuntimeException failure = verdict.valid() ? null : new InvalidNarrativeException(verdict.complaint());
        return new Attempt(generation, verdict, failure, cost, calls(tally), since(started));
    }

    /**
     * What a provider's answer cost. A vendor exchange that reports each call ({@link VendorCalls}) has put them on
     * the ledger already; for one that does not, the chain writes the answer itself as one call, with the tokens the
     * generation counts. {@code offline} is no vendor: nothing is written.
     */
    private double bill(
            AiProvider provider,
            StoryContext context,
            Generation generation,
            ValidationResult verdict,
            CallLedger.Tally tally) {
        if (tally.bills() > 0) {
            return tally.billedUsd();
        }
        double cost = costOf(provider, context, generation);
        if (!ProviderChain.OFFLINE.equals(provider.name())) {
            CallOutcome outcome = tally.standing() == CallLedger.Standing.LAPSED
                    ? CallOutcome.LATE
                    : verdict.valid() ? CallOutcome.VALID : CallOutcome.INVALID;
            spend.record(Spend.of(
                    clock.instant(),
                    context,
                    provider.name(),
                    context.modelOr(generation.model()),
                    generation.inputTokens(),
                    generation.outputTokens(),
                    cost,
                    outcome));
        }
        return cost;
    }

    /**
     * The provider's price for the generation's tokens; a model the writer chose is priced as that model. (Once the
     * vendor exchange bills each call itself, only providers that report no calls come here, and they have no
     * model to choose.)
     */
    private double costOf(AiProvider provider, StoryContext context, Generation generation) {
        int in = Math.max(0, generation.inputTokens());
        int out = Math.max(0, generation.outputTokens());
        return context.model() != null && provider.acceptsModelChoice()
                ? prices.cost(context.model(), in, out)
                : provider.estimateCost(in, out);
    }

    /** Vendor calls made by the provider just asked; a provider that counts none made one call. */
    private static int calls(CallLedger.Tally tally) {
        return Math.max(1, Math.max(tally.calls(), tally.bills()));
    }

    private static Duration since(long nanoStart) {
        return Duration.ofNanos(System.nanoTime() - nanoStart);
    }
}
