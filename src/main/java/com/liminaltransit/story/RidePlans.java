package com.liminaltransit.story;

/**
 * Decides how rides are written: the published prompt version and the configured chain, unless a running
 * experiment assigns the player a variant. The writers' room implements it.
 */
public interface RidePlans {

    /** The plan for a new ride of the player with this owner hash (sticky: the same player, the same variant). */
    RidePlan forNewRide(String ownerHash);

    /** The plan of a ride of this variant; {@code null}: the published prompts and the configured chain. */
    RidePlan forVariant(Long variantId);
}
