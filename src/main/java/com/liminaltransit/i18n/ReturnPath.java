package com.liminaltransit.i18n;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Where the language switch sends the player back to: a path on this site, never another one. The form's
 * {@code return} field is taken when it is a plain local path ({@code /stories/…?…}); else the {@code Referer} when
 * its origin is this site's own (its path and query); else {@code /}. A protocol-relative {@code //host}, a
 * backslash (which browsers read as a slash), a scheme, control characters or white space never pass, so the switch
 * cannot be made an open redirect.
 */
final class ReturnPath {

    /** Where the player goes when nothing safe says where they came from. */
    static final String HOME = "/";

    private static final int MAX_LENGTH = 2048;

    private ReturnPath() {}

    /**
     * The path to send the player back to.
     *
     * @param field     the form's {@code return} field, or {@code null}
     * @param referer   the {@code Referer} header, or {@code null}
     * @param ownOrigin whether an origin ({@code scheme://host[:port]}) is this site's own
     */
    static String of(String field, String referer, Predicate<String> ownOrigin) {
        if (isLocalPath(field)) {
            return field;
        }
        String fromReferer = fromReferer(referer, ownOrigin);
        return fromReferer == null ? HOME : fromReferer;
    }

    private static String fromReferer(String referer, Predicate<String> ownOrigin) {
        if (referer == null || referer.isBlank() || referer.length() > MAX_LENGTH) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(referer.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")
                || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            return null;
        }
        String origin = scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        if (!ownOrigin.test(origin)) {
            return null;
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? HOME : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return isLocalPath(path) ? path : null;
    }

    /** A path on this site: starts with one {@code /}, no scheme or host, no backslash, control or space. */
    static boolean isLocalPath(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null
                    && uri.getRawAuthority() == null
                    && uri.getRawPath().startsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
