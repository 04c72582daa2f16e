package com.liminaltransit.safety;

import java.time.Instant;

/**
 * One refused answer, as the writers' page shows it.
 *
 * @param id         its row id
 * @param at         when
 * @param rideId     the ride written; {@code null} for none
 * @param stop       the stop written; {@code null} for none
 * @param purpose    {@code ride} or {@code bot}
 * @param provider   who wrote the text
 * @param language   the ride's language
 * @param layer      what refused it: {@code rules}, {@code comprehend}, {@code guardrail}; {@code coverage} (no
 *                   classifier covers the language) or {@code unavailable} (a classifier could not judge it)
 * @param categories what was found, comma-separated
 * @param reason     the verdict in words, with scores and where
 * @param action     {@code refused} (the next provider wrote the stop), {@code fail-closed} (the offline storyteller
 *                   did), {@code served} (the offline storyteller's own text, shown as the last link)
 * @param text       what was refused, personal data masked
 */
public record Block(
        long id,
        Instant at,
        String rideId,
        Integer stop,
        String purpose,
        String provider,
        String language,
        String layer,
        String categories,
        String reason,
        String action,
        String text) {}
