package com.liminaltransit.narrative;

import java.util.Optional;

/**
 * A check over what a provider wrote, made where the chain is about to accept a valid answer and before anyone reads
 * it. The safety feature implements it (local rules, Amazon Comprehend, Bedrock Guardrails); the narrator only
 * knows the verdict. A refused answer is that provider's failure: the chain goes on to the next link, with the
 * reason recorded like any other failure.
 */
public interface AnswerCheck {

    /** Passes everything: the chain's behaviour when the application has no check. */
    AnswerCheck NONE = (context, provider, narrative) -> AnswerVerdict.PASS;

    /**
     * Judges what {@code provider} wrote for the stop {@code context} asks for (its language, its ride).
     *
     * @param narrative an answer that already keeps the AI contract
     */
    AnswerVerdict check(StoryContext context, String provider, Narrative narrative);

    /**
     * Judges one sentence of a streamed answer before it is shown: the ride's language, the same layers as
     * {@link #check}. A refused sentence is never shown and ends that provider's stream.
     */
    default AnswerVerdict checkSentence(StoryContext context, String provider, String sentence) {
        return AnswerVerdict.PASS;
    }

    /**
     * Why no model's answer for this stop could pass, known before any model is asked (no configured check covers
     * the ride's language): the chain then goes straight to its last link instead of paying for an answer it would
     * throw away. Empty when a model's answer may pass.
     */
    default Optional<String> refusedUnread(StoryContext context) {
        return Optional.empty();
    }
}
