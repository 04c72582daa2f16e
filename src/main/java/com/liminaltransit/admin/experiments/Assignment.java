package com.liminaltransit.admin.experiments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Which variant a new ride gets: sticky weighted assignment without a table. SHA-256 of the player (the owner hash
 * of the player cookie) and the experiment id gives a number, uniform over 2^64, that falls into one variant's
 * share of the total weight. The same player always gets the same variant of an experiment, and different
 * experiments split players afresh.
 */
final class Assignment {

    private Assignment() {}

    /** The variant of {@code experiment} for this player; empty for an experiment without variants. */
    static Optional<Variant> variantFor(Experiment experiment, String ownerHash) {
        List<Variant> variants = experiment.variants();
        if (variants.isEmpty()) {
            return Optional.empty();
        }
        int index = pick(
                ownerHash,
                experiment.id(),
                variants.stream().map(Variant::weight).toList());
        return Optional.of(variants.get(index));
    }

    /** The index of the variant for this player, by {@code weights} (positive, in variant order). */
    static int pick(String ownerHash, long experimentId, List<Integer> weights) {
        long total = 0;
        for (int weight : weights) {
            if (weight <= 0) {
                throw new IllegalArgumentException("weights are positive");
            }
            total += weight;
        }
        long point = Long.remainderUnsigned(hash(ownerHash + ":" + experimentId), total);
        long upTo = 0;
        for (int i = 0; i < weights.size(); i++) {
            upTo += weights.get(i);
            if (point < upTo) {
                return i;
            }
        }
        throw new IllegalStateException("no variant");
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
