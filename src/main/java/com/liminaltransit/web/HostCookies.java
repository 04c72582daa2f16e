package com.liminaltransit.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

/**
 * Cookie names with the {@code __Host-} prefix over HTTPS: the browser then insists on {@code Secure},
 * {@code Path=/} and no {@code Domain}, so no subdomain or plain-HTTP page can plant or overwrite them. Over
 * plain HTTP (local development only) the same cookies go without the prefix, since browsers drop a
 * {@code __Host-} cookie that is not {@code Secure}.
 */
public final class HostCookies {

    private static final String HOST_PREFIX = "__Host-";

    private HostCookies() {}

    /** The name a cookie has on a request that came over HTTPS or not. */
    public static String name(String base, boolean https) {
        return https ? HOST_PREFIX + base : base;
    }

    /** The value of the cookie on this request, or {@code null}. */
    public static String value(ContainerRequestContext request, String base, boolean https) {
        Cookie cookie = request.getCookies().get(name(base, https));
        return cookie == null ? null : cookie.getValue();
    }
}
