package com.liminaltransit.narrative;

/**
 * A streamed sentence did not pass its checks (the validator's per-sentence rules or the safety layers), so it was
 * never shown. The stream stops there; what was shown before it stays, and the next link of the chain continues.
 */
public class SentenceRefusedException extends NarrativeException {

    private final boolean toLastLink;

    /**
     * @param reason     why, safe to log (never the sentence itself)
     * @param toLastLink whether no model may continue either (the check fails closed): the chain goes to its last link
     */
    public SentenceRefusedException(String reason, boolean toLastLink) {
        super(reason);
        this.toLastLink = toLastLink;
    }

    /** Whether the chain should go straight to its last link. */
    public boolean toLastLink() {
        return toLastLink;
    }
}
