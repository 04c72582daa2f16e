package com.liminaltransit.admin.experiments;

import java.util.List;

/**
 * A variant as a writer asks for it, before it has an id.
 *
 * @param name          short name
 * @param promptVersion prompt version
 * @param chain         providers in order (empty: the configured chain)
 * @param weight        positive weight
 * @param bankVersion   the content bank version its rides are written from, or {@code null}: the published one
 */
public record VariantSpec(String name, int promptVersion, List<String> chain, int weight, Integer bankVersion) {

    public VariantSpec {
        chain = List.copyOf(chain);
    }

    /** A variant written from the published content bank. */
    public VariantSpec(String name, int promptVersion, List<String> chain, int weight) {
        this(name, promptVersion, chain, weight, null);
    }
}
