package com.liminaltransit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.ServerProcess;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A player rides to the end of the line in a real Chromium against the packaged server: once with JavaScript
 * (htmx swaps each stop in, focus follows, keyboard only) and once without (plain forms and redirects). The
 * smoke test of a deployed server is {@link SmokeE2EIT}.
 */
class RideInBrowserE2EIT {

    private static final int MAX_STOPS = 20;

    private static ServerProcess server;
    private static String base;
    private static Chromium chromium;

    @BeforeAll
    static void startServerAndBrowser() {
        server = ServerProcess.start(Map.of());
        base = server.base().toString();
        chromium = new Chromium();
    }

    @AfterAll
    static void stopServerAndBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void rideWithJavaScriptReachesItsEndingWithoutReloadingTheKeyboardOnly() {
        Page page = chromium.newPlayer(true);
        List<String> browserErrors = collectErrors(page);
        Chromium.screenshotOnFailure(page, "ride-with-javascript", () -> {
            page.navigate(base + "/");
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Board the train"))
                    .click();
            page.waitForURL("**/stories/*");
            page.evaluate("() => { window.sameDocument = true; }");

            int stops = 1;
            while (page.locator("article.stop.ending").count() == 0) {
                assertThat(stops).as("the ride ends within %d stops", MAX_STOPS).isLessThan(MAX_STOPS);
                Locator choices = page.locator("form.choices button.choice");
                assertThat(choices.first()).isVisible();
                tabTo(page, "button.choice");
                for (int i = 0; i < stops % choices.count(); i++) {
                    page.keyboard().press("Tab");
                }
                page.keyboard().press("Enter");

                stops++;
                assertThat(page.locator("#journey article.stop")).hasCount(stops);
                assertThat(page.locator("#stop-" + (stops - 1) + ".stop-title")).isFocused();
                assertThat(page.locator("#chosen-" + (stops - 2)))
                        .hasText(java.util.regex.Pattern.compile("^You chose: "));
            }

            assertThat(page.evaluate("() => window.sameDocument === true")).isEqualTo(true);
            assertThat(page.locator(".terminus")).isVisible();
            assertThat(page.locator("form.choices")).hasCount(0);
            assertThat(stops - 1).as("ending stop index").isBetween(8, 15);
            page.reload();
            assertThat(page.locator("#journey article.stop")).hasCount(stops);
        });
        assertThat(browserErrors).as("console errors and CSP violations").isEmpty();
    }

    @Test
    void rideWithJavaScriptOffReachesItsEndingThroughPlainForms() {
        Page page = chromium.newPlayer(false);
        Chromium.screenshotOnFailure(page, "ride-without-javascript", () -> {
            page.navigate(base + "/");
            page.locator("form[action='/stories'] button").click();
            page.waitForURL("**/stories/*");
            String rideUrl = page.url();

            int stops = 1;
            while (page.locator("article.stop.ending").count() == 0) {
                assertThat(stops).as("the ride ends within %d stops", MAX_STOPS).isLessThan(MAX_STOPS);
                Locator choices = page.locator("form.choices button.choice");
                choices.nth(choices.count() - 1).click();
                page.waitForLoadState();
                stops++;
                assertThat(page.locator("#journey article.stop")).hasCount(stops);
                assertThat(page.url()).isEqualTo(rideUrl + "#stop-" + (stops - 1));
                assertThat(page.locator("#stop-" + (stops - 1))).isFocused();
            }

            assertThat(page.locator(".terminus")).isVisible();
            page.navigate(base + "/");
            assertThat(page.locator(".ride-list a")).hasCount(1);
            assertThat(page.locator(".ride-list .ride-meta"))
                    .hasText(java.util.regex.Pattern.compile("^Arrived after"));
        });
    }

    /** Presses Tab until the focused element matches {@code selector}, as a keyboard-only player would. */
    private static void tabTo(Page page, String selector) {
        for (int presses = 0; presses < 15; presses++) {
            if ((Boolean) page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    private static List<String> collectErrors(Page page) {
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });
        page.onPageError(errors::add);
        return errors;
    }
}
