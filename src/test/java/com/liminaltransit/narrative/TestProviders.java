package com.liminaltransit.narrative;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Providers with a bad day, for the chain's in-process tests. They implement the SPI like any real provider;
 * the vendor providers' own wire-format stubs test the network side.
 */
public final class TestProviders {

    private TestProviders() {}

    /** Answers at once with text that breaks the AI contract (markup and a single choice). */
    @ApplicationScoped
    public static class Garbled implements AiProvider {
        @Override
        public String name() {
            return "garbled";
        }

        @Override
        public Generation generate(StoryContext context) {
            Narrative broken = new Narrative(
                    "<script>alert('GARBLED-7f3')</script> and the train goes on.",
                    List.of(new ChoiceOption("a", "Only one way")),
                    false,
                    "broken");
            return new Generation(broken, name(), "garbled-1", 10, 10);
        }

        @Override
        public double estimateCost(int inputTokens, int outputTokens) {
            return 0.001;
        }

        @Override
        public ModelCapabilities capabilities() {
            return new ModelCapabilities(1000, false, false, Set.of("en"));
        }
    }

    /** Never answers within any sensible deadline. */
    @ApplicationScoped
    public static class Stalled implements AiProvider {
        @Override
        public String name() {
            return "stalled";
        }

        @Override
        public Generation generate(StoryContext context) {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NarrativeException("interrupted while waiting", e);
            }
            throw new NarrativeException("no answer");
        }

        @Override
        public double estimateCost(int inputTokens, int outputTokens) {
            return 0;
        }

        @Override
        public ModelCapabilities capabilities() {
            return new ModelCapabilities(1000, false, false, Set.of("en"));
        }
    }

    /** Always writes a valid stop, at a dollar a call: a provider that drains a budget quickly. */
    @ApplicationScoped
    public static class Expensive implements AiProvider {
        @Override
        public String name() {
            return "expensive";
        }

        @Override
        public Generation generate(StoryContext context) {
            Narrative narrative = new Narrative(
                    "A gilded carriage, velvet seats, and a bill that grows with every mile.",
                    List.of(new ChoiceOption("a", "Pay and ride on"), new ChoiceOption("b", "Look for the exit")),
                    false,
                    "An expensive ride.");
            return new Generation(narrative, name(), "gold-1", 1000, 1000);
        }

        @Override
        public double estimateCost(int inputTokens, int outputTokens) {
            return 1.0;
        }

        @Override
        public ModelCapabilities capabilities() {
            return new ModelCapabilities(1000, false, false, Set.of("en"));
        }
    }
}
