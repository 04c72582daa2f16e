package com.liminaltransit.web;

import java.util.List;
import java.util.Locale;

/**
 * Which language a page is rendered in. The languages feature implements it (the offered languages, the
 * {@value #COOKIE} cookie, {@code Accept-Language}); {@link ThymeleafWriter} asks it for every page, so web knows no
 * feature. Without an implementation, pages are English.
 */
public interface PageLanguages {

    /** The cookie that holds the language a player chose with the switch on every page. */
    String COOKIE = "lt_lang";

    /**
     * The language of a page for a request with this {@value #COOKIE} cookie and {@code Accept-Language} header
     * (either may be {@code null}): the cookie when it names an offered language, else the header's best match,
     * else the default.
     */
    Locale choose(String cookie, String acceptLanguage);

    /** The languages offered, in the order the switch lists them. */
    List<Locale> offered();
}
