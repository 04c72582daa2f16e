package com.liminaltransit.admin.auth;

import com.liminaltransit.web.HostCookies;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.NewCookie;

/**
 * The writers' cookies. Over HTTPS they carry the {@code __Host-} prefix (the browser then insists on
 * {@code Secure}, {@code Path=/} and no {@code Domain}); over plain HTTP, in local development only, the same
 * cookies go without the prefix, since browsers drop a {@code __Host-} cookie that is not {@code Secure}.
 * Both are {@code HttpOnly} and {@code SameSite=Strict}.
 */
final class AdminCookies {

    /** The session cookie's name over plain HTTP (local development). */
    static final String SESSION = "lt_admin";
    /** The sign-in form's token cookie over plain HTTP. */
    static final String LOGIN = "lt_admin_login";

    private AdminCookies() {}

    /** The name a cookie has on a request that came over HTTPS or not. */
    static String name(String base, boolean https) {
        return HostCookies.name(base, https);
    }

    /** The value of a writers' cookie on this request, or {@code null}. */
    static String value(ContainerRequestContext request, String base, boolean https) {
        return HostCookies.value(request, base, https);
    }

    /** A cookie that lives until the browser closes (the server ends the session earlier). */
    static NewCookie set(String base, String value, boolean https) {
        return builder(base, https).value(value).build();
    }

    /** Tells the browser to forget a cookie. */
    static NewCookie expire(String base, boolean https) {
        return builder(base, https).value("").maxAge(0).build();
    }

    private static NewCookie.Builder builder(String base, boolean https) {
        return new NewCookie.Builder(name(base, https))
                .path("/")
                .httpOnly(true)
                .secure(https)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
