package com.liminaltransit.safety;

/**
 * One piece of what a provider wrote, checked on its own so a finding can say where it is.
 *
 * @param field {@code passage}, {@code choice a}, {@code summary}, or a sentence of a stream
 * @param text  the text
 */
public record TextPart(String field, String text) {

    /** Never {@code null}. */
    public TextPart {
        field = field == null ? "text" : field;
        text = text == null ? "" : text;
    }
}
