package com.liminaltransit.story;

import com.liminaltransit.narrative.ContentPlan;
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
 * @param content   the content bank version and the player's "seen" memory it was boarded with, fixed for the ride
 *                  so the offline storyteller replays it the same way at every stop
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
        ContentPlan content,
        Fork fork) {

    /** Never {@code null}: a ride boarded before content plans were kept was written from the shipped bank. */
    public Ride {
        content = content == null ? ContentPlan.SHIPPED : content;
    }

    /** A ride boarded the ordinary way (no fork), written from the shipped bank for a player with nothing read. */
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
        this(id, ownerHash, seed, language, ended, stops, createdAt, updatedAt, variantId, ContentPlan.SHIPPED, null);
    }

    /** The same ride with another content plan (the bank version and memory it was boarded with). */
    public Ride withContent(ContentPlan plan) {
        return new Ride(id, ownerHash, seed, language, ended, stops, createdAt, updatedAt, variantId, plan, fork);
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
