package com.liminaltransit.narrative;

/**
 * Where a provider hands the text of a streamed answer as it arrives (the chain's
 * {@link com.liminaltransit.narrative.stream.AnswerStream} shows each checked sentence at once). The answer has the
 * streaming shape: the passage as prose, a line {@code === CHOICES ===}, then one JSON object with the choices,
 * summary and ending. Providers call it on the thread that called them, in the order the text arrives.
 */
public interface StreamedAnswer {

    /** The passage as the player read it before this provider began (it writes only what follows); empty for none. */
    String passageSoFar();

    /**
     * Takes the next piece of the answer's text.
     *
     * @throws SentenceRefusedException when a sentence it completes is refused: stop reading, close the stream, and
     *     let the exception out unchanged
     */
    void accept(String piece);

    /** Everything received so far, marker and JSON included: what a call cut off is billed for. */
    String received();

    /**
     * The answer has ended: the stop's narrative (the passage is every sentence shown), not yet validated.
     *
     * @throws InvalidNarrativeException when the marker or the JSON after it is missing or malformed
     */
    Narrative finish();
}
