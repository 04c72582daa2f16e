package com.liminaltransit.web;

/**
 * One entry of the language switch on every page.
 *
 * @param tag     the BCP 47 tag the form sends, e.g. {@code ja}
 * @param name    the language's name in itself, e.g. {@code 日本語}
 * @param current whether the page is in it
 */
public record LanguageChoice(String tag, String name, boolean current) {}
