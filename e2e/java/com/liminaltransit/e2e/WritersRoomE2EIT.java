package com.liminaltransit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.ServerProcess;
import com.liminaltransit.testing.Writers;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A writer in a real Chromium against the packaged server: signs in, reads the analytics of a player's ride, runs
 * a small randomtest and watches it finish without reloading, and signs out; no console error or CSP violation.
 */
class WritersRoomE2EIT {

    private static ServerProcess server;
    private static Chromium chromium;

    @BeforeAll
    static void startServerAndBrowser() {
        server = ServerProcess.start(
                Map.of("liminal.admin.users", Writers.ADA, "liminal.admin.ada.password-hash", Writers.ADA_HASH));
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
    void writerSignsInReadsAnalyticsRunsARandomtestAndSignsOut() {
        Page player = chromium.newPlayer(false);
        player.navigate(server.base() + "/");
        player.locator("form[action='/stories'] button").click();
        player.waitForURL("**/stories/*");
        player.locator("form.choices button.choice").first().click();
        player.waitForLoadState();

        Page page = chromium.newPlayer(true);
        List<String> browserErrors = collectErrors(page);
        Chromium.screenshotOnFailure(page, "writers-room", () -> {
            page.navigate(server.base() + "/admin");
            page.waitForURL("**/admin/login");
            page.getByLabel("Username").fill(Writers.ADA);
            page.getByLabel("Password").fill(Writers.ADA_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            page.waitForURL(Pattern.compile(".*/admin$"));
            assertThat(page.locator("h1")).containsText("ada");

            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Analytics").setExact(true))
                    .first()
                    .click();
            page.waitForURL("**/admin/analytics");
            assertThat(page.locator("#figure-rides")).hasText("1");
            assertThat(page.locator("#completion svg.chart rect").first()).isAttached();
            assertThat(page.locator("#providers tr[data-provider='offline']")).hasCount(1);
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(Path.of(
                            System.getProperty("e2e.screenshots", "target/e2e-screenshots"), "admin-analytics.png")));

            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Randomtest").setExact(true))
                    .first()
                    .click();
            page.waitForURL("**/admin/randomtest");
            page.evaluate("() => { window.sameDocument = true; }");
            page.getByLabel("Rides").fill("5");
            page.getByLabel("Seed (empty for a random one)").fill("11");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run randomtest"))
                    .click();
            assertThat(page.locator("#run .verdict"))
                    .hasText(
                            "Clean: nothing wrong found.",
                            new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                                    .setTimeout(30_000));
            assertThat(page.locator("#rt-completed")).hasText("5 / 5");
            assertThat(page.evaluate("() => window.sameDocument === true")).isEqualTo(true);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out ada"))
                    .click();
            page.waitForURL("**/admin/login?signed-out");
            assertThat(page.locator(".notice")).hasText("You have signed out.");
            page.navigate(server.base() + "/admin/analytics");
            page.waitForURL("**/admin/login");
        });
        assertThat(browserErrors).as("console errors and CSP violations").isEmpty();
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
