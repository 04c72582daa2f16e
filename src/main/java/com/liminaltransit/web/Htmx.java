package com.liminaltransit.web;

import jakarta.ws.rs.core.HttpHeaders;

/** What the htmx headers of a request say. */
public final class Htmx {

    private Htmx() {}

    /** Whether htmx sent the request, so the answer is a fragment rather than a page. */
    public static boolean isHtmx(HttpHeaders headers) {
        return "true".equalsIgnoreCase(headers.getHeaderString("HX-Request"))
                && !"true".equalsIgnoreCase(headers.getHeaderString("HX-History-Restore-Request"));
    }
}
