package com.liminaltransit.narrative.offline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stop worked out: which scene plays, about whom, which of its setups is read and which choices it offers.
 *
 * @param stop     index of the stop, from 0
 * @param scene    the scene that plays
 * @param bindings whom and what it is about
 * @param setup    the scene's setup, filled
 * @param offers   the choices, two to four
 * @param values   the placeholder values of this stop, also used for the outcome of its choice
 */
record StopPlan(
        int stop, Scene scene, Bindings bindings, String setup, List<Offer> offers, Map<String, String> values) {

    StopPlan {
        offers = List.copyOf(offers);
        values = Map.copyOf(values);
    }

    /** Writes a template of this stop (an outcome or deed of one of its offers). */
    String fill(String template) {
        return Template.fill(template, values);
    }

    /** The offer with this id, if this stop made it. */
    Optional<Offer> offer(String id) {
        return offers.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /**
     * The offer a choice id stands for. An id this stop did not offer was written by another storyteller; it is
     * mapped by its hash, so the same ride always maps it to the same offer.
     */
    Offer resolve(String id) {
        String key = id == null ? "" : id;
        return offer(key).orElseGet(() -> offers.get(Math.floorMod(key.hashCode(), offers.size())));
    }

    /** Whom the scene's encounter is with, or {@code null} when it opens none. */
    String encounterWith() {
        if (scene.bindsPassenger() && bindings.passenger() != null) {
            return bindings.passenger().shortName();
        }
        return scene.encounter();
    }
}
