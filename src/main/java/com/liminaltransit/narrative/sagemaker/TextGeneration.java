package com.liminaltransit.narrative.sagemaker;

/**
 * The text-generation schema of Hugging Face TGI and the DJL/LMI default handlers on the wire:
 * {@code {"inputs": prompt, "parameters": {…}}} answered by {@code [{"generated_text": …}]} (or the same object
 * without the array).
 */
public final class TextGeneration {

    private TextGeneration() {}

    /**
     * The request.
     *
     * @param inputs     the whole conversation as one prompt
     * @param parameters how to sample
     */
    public record Request(String inputs, Parameters parameters) {}

    /**
     * The request for a streamed answer ({@link TextGenerationStream}).
     *
     * @param inputs     the whole conversation as one prompt
     * @param parameters how to sample (with {@code details}, so the last event counts the tokens)
     * @param stream     always {@code true}
     */
    public record StreamRequest(String inputs, Parameters parameters, boolean stream) {}

    /**
     * How to sample.
     *
     * @param maxNewTokens   answer budget
     * @param temperature    sampling temperature
     * @param doSample       sample rather than decode greedily
     * @param returnFullText echo the prompt before the answer (we never want it)
     * @param details        report token counts (asked for when streaming; {@code null} leaves it out)
     */
    public record Parameters(
            int maxNewTokens, double temperature, boolean doSample, boolean returnFullText, Boolean details) {}

    /**
     * One answer.
     *
     * @param generatedText the model's text
     * @param details       token counts, when the container reports them
     */
    public record Generated(String generatedText, Details details) {}

    /**
     * What the container says about the answer.
     *
     * @param generatedTokens tokens written
     */
    public record Details(Integer generatedTokens) {}
}
