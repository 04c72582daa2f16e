package com.liminaltransit.narrative.offline;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What happens at a stop, and what the player may do about it. A scene's needs also say whom or what it binds:
 * a stranger, the companion, the slighted passenger or a new item. A scene plays at most once in a ride.
 *
 * @param id        stable id, unique in the bank; a player's "seen" memory keeps it
 * @param kind      where in a ride it may play
 * @param where     whether the train stands at a station, runs between two, or either
 * @param needs     conditions for playing it
 * @param encounter whom the scene puts before the player when nobody of the cast is bound (e.g.
 *                  {@code the porter}), or {@code null}; a scene with an encounter offers no general move, so the
 *                  encounter is always answered by one of its own actions
 * @param thread    the thread a beat belongs to, or {@code null}
 * @param minStop   the first stop it may play at
 * @param setups    templates of the scene, one is picked (one that names {@code {sought}} only while the
 *                  thread is still open)
 * @param actions   what the player may do, in the order they are shown
 */
record Scene(
        String id,
        Kind kind,
        Where where,
        Set<Need> needs,
        String encounter,
        String thread,
        int minStop,
        List<String> setups,
        List<Action> actions) {

    Scene {
        needs = Set.copyOf(needs);
        setups = List.copyOf(setups);
        actions = List.copyOf(actions);
    }

    /** Where in a ride a scene may play. */
    enum Kind {
        /** The boarding passage, stop 0. */
        BOARDING,
        /** Any stop between the boarding and the approach. */
        STOP,
        /** The stop before an ending: its actions lead to endings. */
        APPROACH,
        /** A stop of one thread: what the player wants comes closer, is found or lost. */
        BEAT;

        /** The bank's spelling, e.g. {@code approach}. */
        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the train is while a scene plays, which decides whether the stop opens with an arrival. */
    enum Where {
        /** Standing at a station. */
        STATION,
        /** Running between stations. */
        BETWEEN,
        /** Either. */
        ANY;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the scene binds someone of the cast, which makes it an encounter with them. */
    boolean bindsPassenger() {
        return needs.contains(Need.STRANGER) || needs.contains(Need.COMPANION) || needs.contains(Need.SLIGHTED);
    }
}
