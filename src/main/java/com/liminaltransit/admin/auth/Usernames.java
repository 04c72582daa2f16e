package com.liminaltransit.admin.auth;

import java.util.Locale;

/**
 * The one spelling of a writer's name: stripped and lower-cased ({@link Locale#ROOT}). The sign-in form, the
 * configured accounts, the password check and the failure counter all see a name only after this, so {@code ADA},
 * {@code " ada "} and {@code Ada} are one writer and one count.
 */
final class Usernames {

    /** Longer names are cut here before they are counted (no account name is longer than 64). */
    static final int MAX_LENGTH = 128;

    private Usernames() {}

    /** The normalised name; {@code null} is the empty name. */
    static String normalise(String name) {
        String normal = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return normal.length() <= MAX_LENGTH ? normal : normal.substring(0, MAX_LENGTH);
    }
}
