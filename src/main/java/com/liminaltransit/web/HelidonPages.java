package com.liminaltransit.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/**
 * Sends an error page from Helidon's own routing (which answers before JAX-RS, or for paths JAX-RS does not
 * serve) in the same style and with the same security headers as the pages JAX-RS renders.
 */
final class HelidonPages {

    private HelidonPages() {}

    /** Answers {@code status} with its error page, or the page's fragment for htmx. */
    static void send(ThymeleafWriter pages, ServerRequest request, ServerResponse response, int status) {
        boolean htmx = Htmx.isHtmx(
                name -> request.headers().first(HeaderNames.create(name)).orElse(null));
        String cookie = request.headers().cookies().first(PageLanguages.COOKIE).orElse(null);
        String accept = request.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse(null);
        java.util.Locale locale = pages.locale(cookie, accept);
        String html = pages.render(
                ErrorPages.view(status, ErrorPages.sentenceFor(status), ErrorPages.sentenceKeyFor(status), null, htmx),
                locale,
                null);
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, "text/html;charset=UTF-8");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(HeaderNames.CONTENT_LANGUAGE, locale.toLanguageTag());
        SecurityHeadersFilter.HEADERS.forEach((name, value) -> response.header(HeaderNames.create(name), value));
        response.send(html.getBytes(StandardCharsets.UTF_8));
    }
}
