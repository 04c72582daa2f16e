package com.liminaltransit.admin;

import com.liminaltransit.admin.auth.AdminGate;
import com.liminaltransit.admin.auth.AdminSession;
import com.liminaltransit.web.View;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Admin pages carry the signed-in writer and the session's CSRF token, which the layout puts in a meta tag (read
 * by {@code admin.js} for htmx) and in every form.
 */
public final class AdminPage {

    private AdminPage() {}

    /** A whole admin page. */
    public static View page(String template, ContainerRequestContext request, Map<String, Object> model) {
        return View.page(template, withSession(request, model));
    }

    /** One fragment of an admin page, for htmx. */
    public static View fragment(
            String template, String fragment, ContainerRequestContext request, Map<String, Object> model) {
        return View.fragment(template, fragment, withSession(request, model));
    }

    private static Map<String, Object> withSession(ContainerRequestContext request, Map<String, Object> model) {
        AdminSession session = AdminGate.session(request);
        Map<String, Object> full = new HashMap<>(model);
        full.put("writer", session.username());
        full.put("csrf", session.csrfToken());
        return full;
    }
}
