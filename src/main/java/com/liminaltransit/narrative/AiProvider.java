package com.liminaltransit.narrative;

import java.util.List;

/**
 * The one door to a storyteller. Each implementation is a CDI bean in its own package under {@code narrative};
 * the chain finds them by {@link #name()} and tries them in the order of {@code liminal.ai.chain}.
 */
public interface AiProvider {

    /** The name used in {@code liminal.ai.chain}, metrics and stored steps, e.g. {@code offline}. */
    String name();

    /**
     * Writes the next stop of a ride.
     *
     * @throws NarrativeException when no valid narrative could be had; the chain then tries the next provider
     */
    Generation generate(StoryContext context);

    /**
     * Writes the next stop outside the fault tolerance that guards {@link #generate} for players: no retry, breaker,
     * bulkhead or attempt timeout (the vendor client's own request timeout still applies). The writers' preview asks
     * this way, so it shows a vendor as it is, and a preview that keeps failing never opens the breaker players share.
     * Providers with no fault tolerance of their own need not override it.
     */
    default Generation generateUnguarded(StoryContext context) {
        return generate(context);
    }

    /**
     * Writes the next stop for a player who reads it as it is written: the provider hands the text of its answer to
     * {@code stream} as it arrives, in the streaming shape ({@link com.liminaltransit.narrative.stream.ProseThenChoices}),
     * on the calling thread, and returns the generation of {@link StreamedAnswer#finish()}. When
     * {@link StreamedAnswer#passageSoFar()} is not empty, an earlier link failed after the player read that much: the
     * provider writes only what follows it. Any exception out of {@code stream.accept} must end the call (the stream
     * closed, nothing more read) and propagate unchanged.
     *
     * <p>The default does not stream: a provider that cannot continue a passage writes the whole stop at once, and
     * refuses to continue one.
     *
     * @throws NarrativeException when no valid narrative could be had; the chain then tries the next provider
     */
    default Generation generateStreaming(StoryContext context, StreamedAnswer stream) {
        if (!stream.passageSoFar().isEmpty()) {
            throw new NarrativeException(name() + " cannot continue a passage another provider began");
        }
        return generate(context);
    }

    /** Checks a narrative against the AI contract; providers with stricter needs may add to it. */
    default ValidationResult validate(Narrative narrative) {
        return NarrativeValidator.validate(narrative);
    }

    /** What a call with these token counts costs in US dollars. */
    double estimateCost(int inputTokens, int outputTokens);

    /**
     * What the provider's model can do. The chain reads it before every call and passes over a provider that cannot
     * serve what the step needs ({@link StepNeeds}: its language, streaming, JSON mode), naming why; {@code offline},
     * the last link, is never passed over.
     */
    ModelCapabilities capabilities();

    /**
     * Whether a call may ask another model of the same vendor than the configured one ({@link StoryContext#model()}),
     * as the writers' preview does to compare models side by side. Providers whose model is fixed by where they
     * call (a SageMaker endpoint) or that have none ({@code offline}) say no.
     */
    default boolean acceptsModelChoice() {
        return false;
    }

    /**
     * Whether what this provider writes depends on the prompt templates. The {@code offline} storyteller writes from
     * its content bank and reads no prompt: the writers' preview and experiments say so, and an experiment whose
     * variants differ only by a prompt version on such a chain is refused.
     */
    default boolean readsPrompts() {
        return true;
    }

    /**
     * The config keys this provider still needs before it can be called (an API key, a model id). A provider
     * named in {@code liminal.ai.chain} with anything missing stops the server at start-up, naming the keys.
     */
    default List<String> missingSettings() {
        return List.of();
    }
}
