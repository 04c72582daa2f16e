package com.liminaltransit.narrative.offline;

import java.util.List;
import java.util.Set;

/**
 * What happens at a stop, and what the player may do about it. A scene's needs also say whom or what it binds:
 * a stranger, the companion, the slighted passenger or a new item.
 *
 * @param id      stable id, kept so a scene does not come back too soon
 * @param needs   conditions for playing it
 * @param setups  templates of the passage's last sentences, one is picked
 * @param actions what the player may do, in the order they are shown
 */
record Scene(String id, Set<Need> needs, List<String> setups, List<Action> actions) {

    Scene {
        needs = Set.copyOf(needs);
        setups = List.copyOf(setups);
        actions = List.copyOf(actions);
    }
}
