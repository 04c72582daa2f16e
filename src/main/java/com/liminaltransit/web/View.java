package com.liminaltransit.web;

import java.util.Map;

/**
 * A page or fragment to render: a Thymeleaf template under {@code templates/}, an optional fragment of it,
 * and the model. Resources return a View; {@link ThymeleafWriter} renders it.
 *
 * @param template the template, e.g. {@code story/ride}
 * @param fragment the fragment to render alone (for htmx), or {@code null} for the whole page
 * @param model    the variables the template reads
 */
public record View(String template, String fragment, Map<String, Object> model) {

    /** Copies the model. */
    public View {
        model = Map.copyOf(model);
    }

    /** A whole page. */
    public static View page(String template, Map<String, Object> model) {
        return new View(template, null, model);
    }

    /** One fragment of a page, e.g. {@code story/ride :: step}. */
    public static View fragment(String template, String fragment, Map<String, Object> model) {
        return new View(template, fragment, model);
    }
}
