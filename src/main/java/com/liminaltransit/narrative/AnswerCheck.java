package com.liminaltransit.narrative;

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
}
