package com.liminaltransit.narrative;

import java.util.Locale;

/** How one vendor call ended, as the spend ledger keeps it: every call is paid for, whatever became of it. */
public enum CallOutcome {
    /** The reply kept the AI contract. */
    VALID,
    /** The reply broke the contract (a repair may follow, itself another call). */
    INVALID,
    /** The call failed without a usable reply (an error, a timeout, a malformed body). */
    FAILED,
    /** The reply came after the step's deadline, when {@code offline} had already written the stop. */
    LATE;

    /** The word stored in the spend ledger, e.g. {@code invalid}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
