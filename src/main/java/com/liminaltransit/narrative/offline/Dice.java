package com.liminaltransit.narrative.offline;

import java.util.ArrayList;
import java.util.List;

/**
 * SplitMix64, written out here because a ride must replay identically on every JVM and every release: the JDK's
 * generators do not promise their sequences. Each stop and purpose gets its own stream, so what one stop draws
 * never shifts what another stop draws.
 */
final class Dice {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    Dice(long seed) {
        this.state = seed;
    }

    /** The stream for one purpose at one stop of the ride with this seed. */
    static Dice of(long seed, int stop, int purpose) {
        return new Dice(mix(seed ^ mix(GOLDEN * (stop + 2L) + purpose)));
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** A number in {@code [0, bound)}. */
    int below(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** True with the given chance in percent. */
    boolean chance(int percent) {
        return below(100) < percent;
    }

    <T> T pick(List<T> options) {
        return options.get(below(options.size()));
    }

    /** A shuffled copy (Fisher-Yates). */
    <T> List<T> shuffled(List<T> options) {
        List<T> copy = new ArrayList<>(options);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = below(i + 1);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }

    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
