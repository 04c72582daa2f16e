package com.liminaltransit.narrative;

import java.util.List;

/**
 * Everything a provider may use to write the next stop of a ride. It carries the running summary and the last
 * few passages, never the whole ride, so a prompt stays the same size as the ride grows. The full path of
 * choice ids is kept because it is tiny and lets a deterministic storyteller rebuild its state.
 *
 * @param rideId    the ride being written
 * @param seed      the ride's seed, fixed when it was boarded
 * @param stop      index of the stop to write, from 0 (0 is the boarding passage)
 * @param summary   the running summary after the previous stop; empty at stop 0
 * @param recent    the last few stops, oldest first; empty at stop 0
 * @param choice    the choice just made at the previous stop; {@code null} at stop 0
 * @param path      ids of every choice made so far, in order ({@code path.size() == stop})
 * @param language  the language to write in, as a BCP 47 tag; {@code en} when none is given (the languages issue
 *                  fills it from the ride); the chain passes over providers whose model does not write it
 * @param prompts   the prompt version to write with; {@code null} for the published one
 * @param chain     the providers to try, in order ({@code offline} is always added last); empty for
 *                  {@code liminal.ai.chain}. An experiment's variant sets both.
 * @param model     the model to ask instead of the provider's configured one, or {@code null}; only the writers'
 *                  preview sets it, and only providers that {@link AiProvider#acceptsModelChoice() accept a model
 *                  choice} read it
 * @param purpose   why the stop is written (a ride, a preview, the ride bot), so its paid calls are charged to it;
 *                  {@code RIDE} when none is given
 * @param content   the content bank version and the player's "seen" memory the ride was boarded with, for the
 *                  {@code offline} storyteller; {@link ContentPlan#SHIPPED} when none is given
 */
public record StoryContext(
        String rideId,
        long seed,
        int stop,
        String summary,
        List<PastStop> recent,
        ChoiceOption choice,
        List<String> path,
        String language,
        PromptSet prompts,
        List<String> chain,
        String model,
        CallPurpose purpose,
        ContentPlan content) {

    /** How many past stops a prompt carries. */
    public static final int RECENT_STOPS = 3;

    /** Normalises the lists so providers never see {@code null}. */
    public StoryContext {
        summary = summary == null ? "" : summary;
        recent = recent == null ? List.of() : List.copyOf(recent);
        path = path == null ? List.of() : List.copyOf(path);
        language = StepNeeds.normalise(language);
        chain = chain == null ? List.of() : List.copyOf(chain);
        model = model == null || model.isBlank() ? null : model.strip();
        purpose = purpose == null ? CallPurpose.RIDE : purpose;
        content = content == null ? ContentPlan.SHIPPED : content;
    }

    /** A context with every field but the content plan (the shipped bank, nothing seen). */
    public StoryContext(
            String rideId,
            long seed,
            int stop,
            String summary,
            List<PastStop> recent,
            ChoiceOption choice,
            List<String> path,
            String language,
            PromptSet prompts,
            List<String> chain,
            String model,
            CallPurpose purpose) {
        this(rideId, seed, stop, summary, recent, choice, path, language, prompts, chain, model, purpose, null);
    }

    /** A context for a player's ride. */
    public StoryContext(
            String rideId,
            long seed,
            int stop,
            String summary,
            List<PastStop> recent,
            ChoiceOption choice,
            List<String> path,
            String language,
            PromptSet prompts,
            List<String> chain,
            String model) {
        this(
                rideId,
                seed,
                stop,
                summary,
                recent,
                choice,
                path,
                language,
                prompts,
                chain,
                model,
                CallPurpose.RIDE,
                null);
    }

    /** A context with the published prompts and the configured chain. */
    public StoryContext(
            String rideId,
            long seed,
            int stop,
            String summary,
            List<PastStop> recent,
            ChoiceOption choice,
            List<String> path,
            String language) {
        this(
                rideId,
                seed,
                stop,
                summary,
                recent,
                choice,
                path,
                language,
                null,
                List.of(),
                null,
                CallPurpose.RIDE,
                null);
    }

    /** The same stop, written with these prompts and this chain (empty: the configured one). */
    public StoryContext with(PromptSet promptSet, List<String> providers) {
        return new StoryContext(
                rideId, seed, stop, summary, recent, choice, path, language, promptSet, providers, model, purpose,
                content);
    }

    /** The same stop, asked of {@code modelName} ({@code null} or blank: the provider's configured model). */
    public StoryContext withModel(String modelName) {
        return new StoryContext(
                rideId, seed, stop, summary, recent, choice, path, language, prompts, chain, modelName, purpose,
                content);
    }

    /** The same stop, written for {@code why}. */
    public StoryContext withPurpose(CallPurpose why) {
        return new StoryContext(
                rideId, seed, stop, summary, recent, choice, path, language, prompts, chain, model, why, content);
    }

    /** The same stop, written in {@code tag} (BCP 47; blank: {@code en}). */
    public StoryContext withLanguage(String tag) {
        return new StoryContext(
                rideId, seed, stop, summary, recent, choice, path, tag, prompts, chain, model, purpose, content);
    }

    /** The same stop, written from this content bank version and "seen" memory. */
    public StoryContext withContent(ContentPlan plan) {
        return new StoryContext(
                rideId, seed, stop, summary, recent, choice, path, language, prompts, chain, model, purpose, plan);
    }

    /** {@link #model()} when one was chosen, else {@code configured}. */
    public String modelOr(String configured) {
        return model == null ? configured : model;
    }

    /** The context for the boarding passage of a ride. */
    public static StoryContext boarding(String rideId, long seed, String language) {
        return new StoryContext(rideId, seed, 0, "", List.of(), null, List.of(), language);
    }
}
