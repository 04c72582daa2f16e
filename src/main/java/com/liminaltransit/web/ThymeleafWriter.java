package com.liminaltransit.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders a {@link View} with Thymeleaf: the one place templates meet HTTP. */
@Provider
@Produces(MediaType.TEXT_HTML)
@ApplicationScoped
public class ThymeleafWriter implements MessageBodyWriter<View> {

    private final TemplateEngine engine;

    /**
     * Templates come from {@code templates/} on the classpath and are cached once parsed; {@code @{/static/…}} links
     * name our files by their content hash.
     */
    @Inject
    public ThymeleafWriter(StaticAssets assets) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ThymeleafWriter.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        this.engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
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
        headers.putSingle("Content-Type", "text/html;charset=UTF-8");
        out.write(render(view).getBytes(StandardCharsets.UTF_8));
    }

    /** Renders to a string first, so a template error becomes an error page, never half a page. */
    public String render(View view) {
        Context context = new Context(Locale.ENGLISH, view.model());
        Set<String> selectors = view.fragment() == null ? null : Set.of(view.fragment());
        return engine.process(view.template(), selectors, context);
    }
}
