package com.liminaltransit.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a {@link View} with Thymeleaf: the one place templates meet HTTP. Every page is rendered in the language
 * {@link PageLanguages} chooses for the request ({@code #locale} in templates, {@code #{key}} from
 * {@link BundleMessages}, a {@code Content-Language} header), and every template may read {@code pageLanguages} (the
 * language switch's entries) and {@code pagePath} (the page's own path and query on a {@code GET}, else
 * {@code null}: where the switch sends the player back to).
 */
@Provider
@Produces(MediaType.TEXT_HTML)
@ApplicationScoped
public class ThymeleafWriter implements MessageBodyWriter<View> {

    /** The variable with the language switch's entries. */
    public static final String LANGUAGES = "pageLanguages";
    /** The variable with the page's own path and query, on a {@code GET}. */
    public static final String PATH = "pagePath";
    /** Templates of the writers' room: English, whatever the player's language, and without the switch. */
    static final String WRITERS_ROOM = "admin/";

    private final TemplateEngine engine;
    private final BundleMessages messages = new BundleMessages();
    private final PageLanguages languages;

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uriInfo;

    @Context
    private Request request;

    /** English pages only: for tests that render a template alone. */
    public ThymeleafWriter(StaticAssets assets) {
        this(assets, (PageLanguages) null);
    }

    /** Pages in the language {@code languages} chooses (English when there is no implementation). */
    @Inject
    public ThymeleafWriter(StaticAssets assets, Instance<PageLanguages> languages) {
        this(assets, languages.isResolvable() ? languages.get() : null);
    }

    /**
     * Templates come from {@code templates/} on the classpath and are cached once parsed; {@code @{/static/…}} links
     * name our files by their content hash.
     */
    private ThymeleafWriter(StaticAssets assets, PageLanguages languages) {
        this.languages = languages;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ThymeleafWriter.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        this.engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(messages);
        engine.setLinkBuilder(new AssetLinks(assets));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return View.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            View view,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        Locale locale = view.template().startsWith(WRITERS_ROOM) || this.headers == null
                ? Locale.ENGLISH
                : locale(cookie(), this.headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        String html = render(view, locale, ownPath());
        headers.putSingle("Content-Type", "text/html;charset=UTF-8");
        headers.putSingle("Content-Language", locale.toLanguageTag());
        out.write(html.getBytes(StandardCharsets.UTF_8));
    }

    /** Renders in English, for pages that have no request to read a language from. */
    public String render(View view) {
        return render(view, Locale.ENGLISH, null);
    }

    /**
     * Renders to a string first, so a template error becomes an error page, never half a page.
     *
     * @param locale the page's language
     * @param path   the page's own path and query, or {@code null}
     */
    public String render(View view, Locale locale, String path) {
        boolean writers = view.template().startsWith(WRITERS_ROOM);
        Locale language = writers ? Locale.ENGLISH : locale;
        org.thymeleaf.context.Context context = new org.thymeleaf.context.Context(language, view.model());
        if (!view.model().containsKey(LANGUAGES)) {
            context.setVariable(LANGUAGES, writers ? List.of() : choices(language));
        }
        if (!view.model().containsKey(PATH)) {
            // an error page is no page to come back to (and its address may be anything a visitor typed)
            context.setVariable(PATH, ErrorPages.TEMPLATE.equals(view.template()) ? null : path);
        }
        Set<String> selectors = view.fragment() == null ? null : Set.of(view.fragment());
        return engine.process(view.template(), selectors, context);
    }

    /**
     * A message of the players' bundles in {@code language} (its values formatted), for words a page receives by
     * other means than a template: the status events of a streamed stop.
     */
    public String message(Locale language, String key, Object... values) {
        String message = messages.message(language, key, values);
        return message == null ? key : message;
    }

    /** The page language for a request with this cookie value and {@code Accept-Language} (either may be null). */
    public Locale locale(String cookie, String acceptLanguage) {
        return languages == null ? Locale.ENGLISH : languages.choose(cookie, acceptLanguage);
    }

    /** The switch's entries: every offered language, named in itself; none when only one is offered. */
    private List<LanguageChoice> choices(Locale page) {
        if (languages == null || languages.offered().size() < 2) {
            return List.of();
        }
        return languages.offered().stream()
                .map(offered -> new LanguageChoice(
                        offered.toLanguageTag(),
                        nameOf(offered),
                        offered.toLanguageTag().equals(page.toLanguageTag())))
                .toList();
    }

    private String nameOf(Locale language) {
        String name = messages.message(language, "language.self");
        return name == null ? language.getDisplayName(language) : name;
    }

    private String cookie() {
        Cookie cookie = headers.getCookies().get(PageLanguages.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    /**
     * The request's path and query when it is a {@code GET} (a page the player can be sent back to); {@code null}
     * otherwise, and outside a request (a writer called directly, as a unit test does).
     */
    private String ownPath() {
        if (request == null || uriInfo == null || !"GET".equals(request.getMethod())) {
            return null;
        }
        URI uri = uriInfo.getRequestUri();
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
