package com.liminaltransit.admin.ridebot;

import com.liminaltransit.narrative.ChoiceOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * How the bot chooses at a stop. {@link #RANDOM} clicks anything, as a careless player would; {@link #LEAST_USED}
 * takes the choice this run has taken least often so far (ties broken at random), as ChoiceScript's randomtest
 * does, so a run reaches the rare branches a random walk seldom finds.
 */
public enum ChoicePolicy {
    /** A seeded random choice. */
    RANDOM,
    /** The choice taken least often so far in the run. */
    LEAST_USED;

    /** The policy named in a form or on the command line ({@code random}, {@code least-used}). */
    public static Optional<ChoicePolicy> of(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(RANDOM);
        }
        String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ChoicePolicy policy : values()) {
            if (policy.key().equals(key)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }

    /** How the policy is written in forms and reports. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A chooser for one run: it remembers what the run has chosen. */
    Chooser chooser(Random random) {
        return new Chooser(this, random);
    }

    /** Chooses for one run. */
    static final class Chooser {
        private final ChoicePolicy policy;
        private final Random random;
        private final Map<String, Integer> taken = new HashMap<>();

        private Chooser(ChoicePolicy policy, Random random) {
            this.policy = policy;
            this.random = random;
        }

        /** The choice to take among these (two or more). */
        ChoiceOption choose(List<ChoiceOption> choices) {
            ChoiceOption chosen;
            if (policy == RANDOM) {
                chosen = choices.get(random.nextInt(choices.size()));
            } else {
                int fewest = choices.stream()
                        .mapToInt(c -> taken.getOrDefault(c.id(), 0))
                        .min()
                        .orElse(0);
                List<ChoiceOption> least = choices.stream()
                        .filter(c -> taken.getOrDefault(c.id(), 0) == fewest)
                        .toList();
                chosen = least.get(random.nextInt(least.size()));
            }
            taken.merge(chosen.id(), 1, Integer::sum);
            return chosen;
        }
    }
}
