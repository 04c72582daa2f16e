package com.liminaltransit.narrative;

import java.util.Locale;

/**
 * Why a stop is being written, so every paid call can be charged to what asked for it: the daily budget and the
 * writers' cost figures tell players' rides from writers' previews and the ride bot.
 */
public enum CallPurpose {
    /** A player's ride. */
    RIDE,
    /** A writer's preview column. */
    PREVIEW,
    /** A ride played by the writers' ride bot. */
    BOT;

    /** The word stored in the spend ledger, e.g. {@code preview}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
