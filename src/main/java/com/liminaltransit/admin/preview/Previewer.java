package com.liminaltransit.admin.preview;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.PromptSet;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.ValidationResult;
import com.liminaltransit.narrative.chain.ProviderChain;
import com.liminaltransit.narrative.vendor.PriceTable;
import com.liminaltransit.story.StoryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one stop of a ride (or a fresh boarding) on one provider, alone, with a chosen prompt version: the provider
 * is called directly, outside the chain and outside the fault tolerance that guards players' calls, and nothing is
 * stored, so a preview never touches a player's ride nor the breaker players share.
 */
@ApplicationScoped
public class Previewer {

    private final StoryService stories;
    private final ProviderChain chain;
    private final PromptBuilder prompts;
    private final CallLedger ledger;
    private final PriceTable prices;

    @Inject
    Previewer(StoryService stories, ProviderChain chain, PromptBuilder prompts, CallLedger ledger, PriceTable prices) {
        this.stories = stories;
        this.chain = chain;
        this.prompts = prompts;
        this.ledger = ledger;
        this.prices = prices;
    }

    /** The context of stop {@code stop} of a ride, written with {@code promptSet}. */
    public StoryContext forRide(String rideId, int stop, PromptSet promptSet) {
        return stories.previewContext(rideId, stop).with(promptSet, List.of());
    }

    /** The boarding of a fresh ride with this seed, written with {@code promptSet}. */
    public StoryContext forSeed(long seed, PromptSet promptSet) {
        return StoryContext.boarding("preview-" + UUID.randomUUID(), seed, "en").with(promptSet, List.of());
    }

    /** The exact conversation a model would be sent. */
    public Conversation prompt(StoryContext context) {
        return prompts.build(context);
    }

    /** Every provider by name with the settings it still needs (empty: ready). */
    public java.util.Map<String, List<String>> providers() {
        return chain.available();
    }

    /**
     * Asks one provider for the stop, with its configured model or {@code model} when one is given; never throws
     * for the provider's failures, which become the verdict.
     */
    public PreviewResult run(StoryContext context, String providerName, String model) {
        Optional<AiProvider> found = chain.provider(providerName);
        if (found.isEmpty()) {
            return PreviewResult.failed(providerName, "No provider is called " + providerName + ".", 0, 0);
        }
        AiProvider provider = found.get();
        List<String> missing = provider.missingSettings();
        if (!missing.isEmpty()) {
            return PreviewResult.failed(providerName, "Not configured: set " + String.join(", ", missing) + ".", 0, 0);
        }
        boolean modelChosen = model != null && !model.isBlank();
        if (modelChosen && !provider.acceptsModelChoice()) {
            return PreviewResult.failed(
                    providerName, providerName + " has no model to choose: leave the model empty.", 0, 0);
        }
        StoryContext call =
                context.with(context.prompts(), List.of(providerName)).withModel(model);
        long started = System.nanoTime();
        ledger.open(call);
        try {
            Generation generation = provider.generateUnguarded(call);
            long millis = (System.nanoTime() - started) / 1_000_000;
            int calls = Math.max(1, ledger.take(call));
            ValidationResult verdict = provider.validate(generation.narrative());
            return new PreviewResult(
                    providerName,
                    generation.model(),
                    generation.narrative().passage(),
                    generation.narrative().choices(),
                    generation.narrative().ending(),
                    verdict.valid(),
                    verdict.valid()
                            ? (calls > 1 ? "Valid (after " + calls + " calls)" : "Valid")
                            : "Invalid: " + verdict.complaint(),
                    generation.inputTokens(),
                    generation.outputTokens(),
                    modelChosen
                            ? prices.cost(call.model(), generation.inputTokens(), generation.outputTokens())
                            : provider.estimateCost(generation.inputTokens(), generation.outputTokens()),
                    millis,
                    calls);
        } catch (InvalidNarrativeException e) {
            return PreviewResult.failed(
                    providerName, "Invalid: " + e.getMessage(), since(started), Math.max(1, ledger.take(call)));
        } catch (RuntimeException e) {
            return PreviewResult.failed(
                    providerName,
                    "Failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
                    since(started),
                    Math.max(1, ledger.take(call)));
        } finally {
            ledger.close(call);
        }
    }

    private static long since(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
