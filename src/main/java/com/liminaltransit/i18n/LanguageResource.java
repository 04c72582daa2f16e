package com.liminaltransit.i18n;

import com.liminaltransit.web.PageException;
import com.liminaltransit.web.PageLanguages;
import com.liminaltransit.web.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;

/**
 * The language switch on every page: a plain form, so it works without JavaScript. {@code POST /language} with
 * {@code lang} (an offered language) sets the {@code lt_lang} cookie and sends the player back ({@code 303}) to the
 * page they came from, on this site only ({@link ReturnPath}). An unknown language is a {@code 400} page.
 */
@Path("language")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class LanguageResource {

    private static final int MAX_AGE = (int) Duration.ofDays(365).toSeconds();

    private final Languages languages;
    private final RequestOrigin origin;

    @Inject
    LanguageResource(Languages languages, RequestOrigin origin) {
        this.languages = languages;
        this.origin = origin;
    }

    /** Switches the pages' language and goes back. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(
            @FormParam("lang") String lang,
            @FormParam("return") String back,
            @Context ContainerRequestContext request) {
        String tag = languages
                .offered(lang)
                .orElseThrow(() -> new PageException(
                        Response.Status.BAD_REQUEST,
                        "That language is not offered here. Choose one from the list.",
                        "language.unknown",
                        null));
        boolean https = origin.isHttps(request);
        NewCookie cookie = new NewCookie.Builder(PageLanguages.COOKIE)
                .value(tag)
                .path("/")
                .maxAge(MAX_AGE)
                .httpOnly(true)
                .secure(https)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        String target =
                ReturnPath.of(back, request.getHeaderString("Referer"), sent -> origin.isOwnOrigin(request, sent));
        return Response.seeOther(URI.create(target))
                .header(HttpHeaders.SET_COOKIE, cookie)
                .build();
    }
}
