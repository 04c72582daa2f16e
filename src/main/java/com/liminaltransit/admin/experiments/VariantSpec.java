package com.liminaltransit.admin.experiments;

import java.util.List;

/**
 * A variant as a writer asks for it, before it has an id.
 *
 * @param name          short name
 * @param promptVersion prompt version
 * @param chain         providers in order (empty: the configured chain)
 * @param weight        positive weight
 */
public record VariantSpec(String name, int promptVersion, List<String> chain, int weight) {

    public VariantSpec {
        chain = List.copyOf(chain);
    }
}
