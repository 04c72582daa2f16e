package com.liminaltransit.admin.prompts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small formatting shared by the prompt pages. */
final class Texts {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Texts() {}

    static String clock(Instant instant) {
        return CLOCK.format(instant);
    }
}
