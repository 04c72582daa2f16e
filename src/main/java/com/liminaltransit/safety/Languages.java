package com.liminaltransit.safety;

import java.util.Locale;

/** Language tags as the checks compare them: by primary subtag, so {@code pt-BR} is {@code pt}. */
final class Languages {

    private Languages() {}

    /** {@code en} for {@code en-GB}, {@code EN}, {@code en_gb}; {@code en} for none. */
    static String primary(String tag) {
        if (tag == null || tag.isBlank()) {
            return "en";
        }
        String normal = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        int dash = normal.indexOf('-');
        return dash < 0 ? normal : normal.substring(0, dash);
    }
}
