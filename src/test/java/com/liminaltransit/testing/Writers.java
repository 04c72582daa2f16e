package com.liminaltransit.testing;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A writer in the writers' room, over HTTP: signing in with the real form and reading CSRF tokens from pages. */
public final class Writers {

    /** A writer configured in the admin ITs (its hash is a cost-4 {@code $2y$} bcrypt). */
    public static final String ADA = "ada";
    /** Ada's password. */
    public static final String ADA_PASSWORD = "correct horse battery";
    /** {@code liminal.admin.ada.password-hash} for the ITs. */
    public static final String ADA_HASH = "$2y$04$AhTP4qmelozQiiXaJd.//ejY.FZ..mJf/6mixhqFK0YLKOqBVBzRK";
    /** A second writer, with a {@code $2b$} hash. */
    public static final String BO = "bo";
    /** Bo's password. */
    public static final String BO_PASSWORD = "staple of the night";
    /** {@code liminal.admin.bo.password-hash} for the ITs. */
    public static final String BO_HASH = "$2b$04$moNlcRPvDVgOrHkADEinx.Tg2Q4igQw.sg8i5o2VnYDt/Jd5W9snK";

    private Writers() {}

    /** Opens the sign-in page and posts the form as a browser would; returns the answer to the post. */
    public static PlayerClient.Answer signIn(PlayerClient browser, String username, String password) {
        PlayerClient.Answer form = browser.get("/admin/login");
        Element csrf = form.html().selectFirst("form.login-form input[name=csrf]");
        if (csrf == null) {
            throw new AssertionError("no sign-in form: " + form.status() + " " + form.body());
        }
        return browser.post("/admin/login", Map.of("username", username, "password", password, "csrf", csrf.val()));
    }

    /** Signs in and fails the test unless it worked. */
    public static void signedIn(PlayerClient browser, String username, String password) {
        PlayerClient.Answer answer = signIn(browser, username, password);
        if (answer.status() != 303) {
            throw new AssertionError("sign-in answered " + answer.status() + ": " + answer.body());
        }
    }

    /** The CSRF token an admin page carries for htmx. */
    public static String csrf(Document page) {
        Element meta = page.selectFirst("meta[name=csrf-token]");
        if (meta == null) {
            throw new AssertionError("no csrf-token meta on this page");
        }
        return meta.attr("content");
    }
}
