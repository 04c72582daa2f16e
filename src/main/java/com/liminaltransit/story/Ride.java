package com.liminaltransit.story;

import java.time.Instant;

/**
 * A ride as stored: who boarded (as a hash of their player cookie), the seed its storyteller draws from,
 * and how far it has gone.
 *
 * @param id        unguessable id (a random UUID)
 * @param ownerHash SHA-256 of the owner's player id
 * @param seed      the storyteller's seed
 * @param language  the language it is written in
 * @param ended     whether it reached its terminus
 * @param stops     passages written so far
 * @param createdAt when it was boarded
 * @param updatedAt when its last passage was written
 * @param variantId the experiment variant it rides as, or {@code null} (published prompts, configured chain)
 * @param fork      where this ride branched from another, or {@code null} for a ride boarded the ordinary way
 */
public record Ride(
        String id,
        String ownerHash,
        long seed,
        String language,
        boolean ended,
        int stops,
        Instant createdAt,
        Instant updatedAt,
        Long variantId,
        Fork fork) {

    /** A ride boarded the ordinary way (no fork). */
    public Ride(
            String id,
            String ownerHash,
            long seed,
            String language,
            boolean ended,
            int stops,
            Instant createdAt,
            Instant updatedAt,
            Long variantId) {
        this(id, ownerHash, seed, language, ended, stops, createdAt, updatedAt, variantId, null);
    }

    /** The first ride of this ride's family: itself unless it is a branch. */
    public String rootId() {
        return fork == null ? id : fork.rootId();
    }

    /** Whether stop {@code stop} is this ride's own, not a copy shared with the ride it branched from. */
    public boolean ownsStop(int stop) {
        return fork == null || stop > fork.stop();
    }
}
