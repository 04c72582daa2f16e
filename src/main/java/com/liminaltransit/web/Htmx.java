package com.liminaltransit.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.function.UnaryOperator;

/**
 * What the htmx headers of a request say, in one place for every layer that asks: JAX-RS resources, request
 * filters, and Helidon's own routing (which answers before JAX-RS for unmatched paths).
 */
public final class Htmx {

    private Htmx() {}

    /** Whether htmx sent the request, so the answer is a fragment rather than a page. */
    public static boolean isHtmx(HttpHeaders headers) {
        return isHtmx(headers::getHeaderString);
    }

    /** The same question asked by a request filter. */
    public static boolean isHtmx(ContainerRequestContext request) {
        return isHtmx(request::getHeaderString);
    }

    /**
     * The same question for any header lookup. A history restore is htmx asking for a whole page again, so it gets
     * the page.
     */
    public static boolean isHtmx(UnaryOperator<String> header) {
        return "true".equalsIgnoreCase(header.apply("HX-Request"))
                && !"true".equalsIgnoreCase(header.apply("HX-History-Restore-Request"));
    }
}
