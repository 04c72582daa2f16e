package com.liminaltransit.safety;

/**
 * One thing a layer found in the text.
 *
 * @param layer    the layer that found it
 * @param category what it is, e.g. {@code email}, {@code hate-speech}, {@code topic:self-harm}
 * @param score    how sure the layer is, 0 to 1 (rules: 1)
 * @param field    where: {@code passage}, {@code choice a}, {@code summary}
 */
public record Finding(Layer layer, String category, double score, String field) {}
