package com.liminaltransit.narrative.chain;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.CallOutcome;
import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.VendorCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Providers for the chain's in-process tests of capabilities and spend. They implement the SPI like any real
 * provider; {@link Billing} and {@link TardyBilling} also report each vendor call as the vendor exchange does.
 */
public final class ChainProviders {

    private ChainProviders() {}

    static Narrative narrative(String opening) {
        return new Narrative(
                opening + " The carriage hums and the lamps sway over empty seats.",
                List.of(new ChoiceOption("a", "Stay aboard"), new ChoiceOption("b", "Step off")),
                false,
                "A quiet ride.");
    }

    /** A model that writes English only, and counts the times it was asked. */
    @ApplicationScoped
    public static class EnglishOnly implements AiProvider {
        /** Calls made, across the test class. */
        public static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public String name() {
            return "english-only";
        }

        @Override
        public Generation generate(StoryContext context) {
            CALLS.incrementAndGet();
            return new Generation(narrative("An English evening."), name(), "en-1", 100, 50);
        }

        @Override
        public double estimateCost(int inputTokens, int outputTokens) {
            return 0.5;
        }

        @Override
        public ModelCapabilities capabilities() {
            return new ModelCapabilities(1000, false, false, Set.of("en"));
        }
    }

    /** A provider whose calls no vendor exchange reports: the chain writes its answer on the ledger itself. */
    @ApplicationScoped
    public static class Plain implements AiProvider {
        @Override
        public String name() {
            return "plain";
        }

        @Override
        public Generation generate(StoryContext context) {
            return new Generation(narrative("A plain evening."), name(), "plain-1", 200, -7);
        }

        @Override
        public double estimateCost(int inputTokens, int outputTokens) {
            return 0.125;
        }

        @Override
        public ModelCapabilities capabilities() {
            return new ModelCapabilities(1000, false, false, Set.of());
        }
    }

    /**
     * A vendor exchange as it will be wired: its first answer breaks the contract, the repair keeps it, and each of
     * the two calls is reported when it ends (the first with negative output tokens, as a hostile vendor did).
     */
    @ApplicationScoped
    public static class Billing implements AiProvider {
        private final CallLedger ledger;
        private final VendorCalls calls;

        @Inject
        public Billing(CallLedger ledger, VendorCalls calls) {
            this.ledger = ledger;
            this.calls = calls;
        }

        @Override
        public String name() {
            return "billing";
        }

        @Override
        public Generation generate(StoryContext context) {
            ledger.count(context);
            calls.paid(context, name(), "bill-1", 300, -40, 0.25, CallOutcome.INVALID);
            ledger.count(context);
            calls.paid(context, name(), "bill-1", 320, 90, 0.5, CallOutcome.VALID);
            return new Generation(narrative("A billed evening."), name(), "bill-1", 620, 90);
        }

        @Override
        public double estimateCost(int inputTokens, int outputTokens) {
            return 99; // never used: the exchange billed each call itself
        }

        @Override
        public ModelCapabilities capabilities() {
            return new ModelCapabilities(1000, true, false, Set.of());
        }
    }

    /** A vendor whose reply arrives after the step deadline: it ignores the interrupt, as a blocked socket would. */
    @ApplicationScoped
    public static class Tardy implements AiProvider {
        /** How long its reply takes; the tests set a shorter step deadline. */
        static final Duration TAKES = Duration.ofMillis(1500);

        @Override
        public String name() {
            return "tardy";
        }

        @Override
        public Generation generate(StoryContext context) {
            answerLate();
            return new Generation(narrative("A late evening."), name(), "tardy-1", 400, 100);
        }

        @Override
        public double estimateCost(int inputTokens, int outputTokens) {
            return 0.0625;
        }

        @Override
        public ModelCapabilities capabilities() {
            return new ModelCapabilities(1000, false, false, Set.of());
        }

        /** Takes {@link #TAKES}, whatever interrupts it; keeps the interrupt for the caller. */
        static void answerLate() {
            long until = System.nanoTime() + TAKES.toNanos();
            boolean interrupted = false;
            for (long left = TAKES.toNanos(); left > 0; left = until - System.nanoTime()) {
                try {
                    Thread.sleep(Duration.ofNanos(left));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** As {@link Tardy}, and reports its late call as the wired vendor exchange does. */
    @ApplicationScoped
    public static class TardyBilling implements AiProvider {
        private final VendorCalls calls;

        @Inject
        public TardyBilling(VendorCalls calls) {
            this.calls = calls;
        }

        @Override
        public String name() {
            return "tardy-billing";
        }

        @Override
        public Generation generate(StoryContext context) {
            Tardy.answerLate();
            calls.paid(context, name(), "tardy-2", 400, 100, 0.03125, CallOutcome.VALID);
            return new Generation(narrative("A late, billed evening."), name(), "tardy-2", 400, 100);
        }

        @Override
        public double estimateCost(int inputTokens, int outputTokens) {
            return 0.03125;
        }

        @Override
        public ModelCapabilities capabilities() {
            return new ModelCapabilities(1000, false, false, Set.of());
        }
    }
}
