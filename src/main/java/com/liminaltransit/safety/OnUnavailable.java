package com.liminaltransit.safety;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a step does when a classifier it needs is down, throttled or too slow ({@code liminal.safety.on-unavailable}).
 * Either way the player sees no error.
 */
public enum OnUnavailable {
    /** The offline storyteller's passage replaces the provider's text (the default: nothing unchecked is shown). */
    OFFLINE("offline"),
    /** The provider's text is shown if the local rules (and any classifier that did answer) pass it. */
    ALLOW_RULES_ONLY("allow-rules-only");

    private final String code;

    OnUnavailable(String code) {
        this.code = code;
    }

    /** The value in configuration. */
    public String code() {
        return code;
    }

    /** The policy named {@code code}, if any. */
    public static Optional<OnUnavailable> of(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.code.equals(wanted)).findFirst();
    }
}
