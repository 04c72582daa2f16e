package com.liminaltransit.narrative;

/**
 * What an {@link AnswerCheck} made of one provider's answer.
 *
 * @param outcome whether the answer may be shown, and if not, whether the next provider may try
 * @param reason  why it was refused, in a few words for the step's record (e.g. {@code rules: email}); {@code null}
 *                when it passed
 */
public record AnswerVerdict(Outcome outcome, String reason) {

    /** The verdict of an answer that may be shown. */
    public static final AnswerVerdict PASS = new AnswerVerdict(Outcome.PASS, null);

    /** What the chain does with the answer. */
    public enum Outcome {
        /** Shown to the player. */
        PASS,
        /** Refused: the chain asks the next provider. */
        REFUSE,
        /**
         * Refused, and every other model's answer for this stop would be refused the same way (no check covers the
         * language, or the check is unavailable): the chain goes straight to its last link, the offline storyteller.
         */
        REFUSE_TO_LAST_LINK
    }

    /** Never a refusal without a reason. */
    public AnswerVerdict {
        if (outcome == null) {
            throw new IllegalArgumentException("an outcome is required");
        }
        if (outcome != Outcome.PASS && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
    }

    /** Refused; the next provider may try. */
    public static AnswerVerdict refuse(String reason) {
        return new AnswerVerdict(Outcome.REFUSE, reason);
    }

    /** Refused for every model of the chain: the last link writes the stop. */
    public static AnswerVerdict refuseToLastLink(String reason) {
        return new AnswerVerdict(Outcome.REFUSE_TO_LAST_LINK, reason);
    }

    /** Whether the answer may be shown. */
    public boolean passed() {
        return outcome == Outcome.PASS;
    }
}
