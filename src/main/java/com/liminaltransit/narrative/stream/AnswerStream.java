package com.liminaltransit.narrative.stream;

import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.SentenceRefusedException;
import com.liminaltransit.narrative.StreamedAnswer;

/**
 * One link's part of a {@link StreamedStop}: a provider hands it the text of its answer as it arrives (the
 * {@link ProseThenChoices} shape), and each whole sentence of the prose that passes the {@link Gate} is shown at
 * once. A sentence the gate refuses is never shown and ends the stream ({@link SentenceRefusedException} out of
 * {@link #accept}); what was shown stays, and the next link continues from {@link #passageSoFar()}.
 *
 * <p>Providers call {@link #accept} on the thread that called them, in the order the text arrives.
 */
public final class AnswerStream implements StreamedAnswer {

    /** Checks one sentence before it is shown. */
    @FunctionalInterface
    public interface Gate {
        /**
         * @param sentence the sentence
         * @throws SentenceRefusedException when it must not be shown
         */
        void admit(String sentence);

        /** Admits every sentence: a stream with no checks beyond the passage's length and plain text. */
        Gate OPEN = sentence -> {};
    }

    private final StreamedStop stop;
    private final String provider;
    private final Gate gate;
    private final String passageSoFar;
    private final ProseThenChoices parser;
    private final StringBuilder received = new StringBuilder();
    private int admitted;

    /**
     * @param stop     the stop this link continues
     * @param provider the link's name, recorded with the sentences it shows
     * @param gate     the checks every sentence passes before it is shown
     */
    public AnswerStream(StreamedStop stop, String provider, Gate gate) {
        this.stop = stop;
        this.provider = provider;
        this.gate = gate;
        this.passageSoFar = stop.passageSoFar();
        this.parser = new ProseThenChoices(stop.language());
    }

    /** The passage as shown before this link began: the link writes only what follows it. Empty when none. */
    @Override
    public String passageSoFar() {
        return passageSoFar;
    }

    /**
     * Takes the next piece of the answer's text.
     *
     * @throws SentenceRefusedException when a sentence it completes is refused: stop reading, close the stream
     */
    @Override
    public void accept(String piece) {
        received.append(piece);
        for (Sentence sentence : parser.feed(piece)) {
            admit(sentence);
        }
    }

    private void admit(Sentence sentence) {
        String text = sentence.text();
        if (!NarrativeValidator.isPlainText(text)) {
            throw new SentenceRefusedException("a sentence was not plain text", false);
        }
        int length = stop.passageSoFar().length() + 2 + text.length();
        if (length > NarrativeValidator.MAX_PASSAGE) {
            throw new SentenceRefusedException(
                    "the passage ran past " + NarrativeValidator.MAX_PASSAGE + " characters", false);
        }
        gate.admit(text);
        boolean continues = admitted++ == 0 && !passageSoFar.isEmpty();
        // a link that continues a passage goes on in its paragraph: its splitter sees its first sentence as a first
        stop.show(continues ? new Sentence(text, false) : sentence, provider);
    }

    /** Everything the provider sent so far, marker and JSON included: what a failed call is billed for. */
    @Override
    public String received() {
        return received.toString();
    }

    /**
     * The answer has ended: the stop's narrative, its passage every sentence shown (by earlier links and this one),
     * its choices, summary and ending from the JSON after the marker. Not yet validated.
     *
     * @throws com.liminaltransit.narrative.InvalidNarrativeException when the marker or the JSON is missing or
     *     malformed
     */
    @Override
    public Narrative finish() {
        Narrative answer = parser.finish();
        return new Narrative(stop.passageSoFar(), answer.choices(), answer.ending(), answer.summary());
    }
}
