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
     * How to sample.
     *
     * @param maxNewTokens   answer budget
     * @param temperature    sampling temperature
     * @param doSample       sample rather than decode greedily
     * @param returnFullText echo the prompt before the answer (we never want it)
     */
    public record Parameters(int maxNewTokens, double temperature, boolean doSample, boolean returnFullText) {}

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
