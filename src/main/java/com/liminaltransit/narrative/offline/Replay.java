package com.liminaltransit.narrative.offline;

/**
 * A ride rebuilt from its seed and path, up to the stop about to be written.
 *
 * @param ride        what the seed fixed
 * @param state       the state after every choice on the path
 * @param lastPlan    the previous stop as planned, or {@code null} at stop 0
 * @param lastOffer   the offer the last choice was taken as, or {@code null} at stop 0
 * @param lastForeign whether the last choice id was not one of ours (another provider wrote that stop)
 */
record Replay(Ride ride, RideState state, StopPlan lastPlan, Offer lastOffer, boolean lastForeign) {}
