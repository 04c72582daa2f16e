package com.liminaltransit.admin.experiments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One experiment as stored.
 *
 * @param id        its id
 * @param name      what the writer called it
 * @param status    running or stopped
 * @param createdBy the writer who started it
 * @param createdAt when it started
 * @param stoppedAt when it stopped, or {@code null} while it runs
 * @param winnerId  the variant published as the winner, or {@code null}
 * @param variants  its variants in order
 */
public record Experiment(
        long id,
        String name,
        ExperimentStatus status,
        String createdBy,
        Instant createdAt,
        Instant stoppedAt,
        Long winnerId,
        List<Variant> variants) {

    public Experiment {
        variants = List.copyOf(variants);
    }

    /** Whether new rides are assigned to it. */
    public boolean running() {
        return status == ExperimentStatus.RUNNING;
    }

    /** One of its variants by id. */
    public Optional<Variant> variant(long variantId) {
        return variants.stream().filter(v -> v.id() == variantId).findFirst();
    }

    /** The variant published as the winner, if any. */
    public Optional<Variant> winner() {
        return winnerId == null ? Optional.empty() : variant(winnerId);
    }
}
