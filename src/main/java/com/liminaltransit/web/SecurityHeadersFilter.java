package com.liminaltransit.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Security headers on every page and fragment. The CSP allows scripts and styles from our own origin only:
 * htmx is configured (in the page's {@code htmx-config} meta) to inject no inline styles and evaluate nothing,
 * so neither {@code unsafe-inline} nor {@code unsafe-eval} is needed.
 */
@Provider
@ApplicationScoped
public class SecurityHeadersFilter implements ContainerResponseFilter {

    /** The Content-Security-Policy of every page. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /** The headers every page carries, whoever renders it. */
    public static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "X-Frame-Options", "DENY",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        HEADERS.forEach(headers::putSingle);
        // Pages are per player and change with every step: never cache them in a shared cache.
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
        // One URL serves a page or a fragment: caches must key on the htmx header.
        headers.add("Vary", "HX-Request");
    }
}
