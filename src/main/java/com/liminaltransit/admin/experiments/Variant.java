package com.liminaltransit.admin.experiments;

import java.util.List;

/**
 * One variant of an experiment: what its rides are written with. Variants never change once stored.
 *
 * @param id            its id (rides store it)
 * @param experimentId  its experiment
 * @param position      its place in the experiment, from 0
 * @param name          short name, e.g. {@code A}
 * @param promptVersion the prompt version its rides are written with
 * @param chain         its providers in order; empty for {@code liminal.ai.chain}
 * @param weight        its share of new players, relative to the others
 * @param bankVersion   the content bank version its rides are written from, or {@code null}: the one published when
 *                      a ride boards
 */
public record Variant(
        long id,
        long experimentId,
        int position,
        String name,
        int promptVersion,
        List<String> chain,
        int weight,
        Integer bankVersion) {

    public Variant {
        chain = List.copyOf(chain);
    }

    /** A variant written from the published content bank. */
    public Variant(
            long id, long experimentId, int position, String name, int promptVersion, List<String> chain, int weight) {
        this(id, experimentId, position, name, promptVersion, chain, weight, null);
    }
}
