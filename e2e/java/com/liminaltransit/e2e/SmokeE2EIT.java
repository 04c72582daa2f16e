package com.liminaltransit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.testing.ServerProcess;
import com.liminaltransit.testing.VendorStub;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The smoke test of a deployed server ({@code ./mvnw -B verify -Psmoke -De2e.baseUrl=https://…}, run by
 * {@code deploy.yml}): it touches nothing but that URL, and marks every request with {@code X-Liminal-Smoke} and the
 * secret {@code LIMINAL_SMOKE_TOKEN}, so its ride is written by {@code offline}, passes the players' limits and is left
 * out of analytics and the AI budget. Without a base URL (every local {@code verify}) it smoke-tests the packaged jar
 * whose chain names a paid vendor, and proves that vendor is never called.
 */
class SmokeE2EIT {

    private static final String LOCAL_TOKEN = "local-smoke-token-0123456789abcdef";
    private static final int STOPS_TO_PLAY = 3;

    private static VendorStub vendor;
    private static ServerProcess server;
    private static String base;
    private static String token;
    private static Chromium chromium;

    @BeforeAll
    static void findTheServer() {
        String remote = System.getProperty("e2e.baseUrl", "");
        if (remote.isBlank() || remote.startsWith("${")) {
            vendor = VendorStub.start(new OpenAiWire());
            token = LOCAL_TOKEN;
            server = ServerProcess.start(Map.of(
                    "liminal.smoke.token", token,
                    "liminal.ai.chain", "openai",
                    "liminal.ai.openai.api-key", "sk-smoke",
                    "liminal.ai.openai.model", "gpt-stub",
                    "liminal.ai.openai.base-url", vendor.uri() + "/v1",
                    "liminal.limits.board-per-player", "1/1h"));
            base = server.base().toString();
        } else {
            base = remote.replaceAll("/+$", "");
            token = System.getenv().getOrDefault("LIMINAL_SMOKE_TOKEN", "");
            if (token.length() < 32) {
                throw new IllegalStateException("LIMINAL_SMOKE_TOKEN (32+ characters) is needed to smoke-test " + base
                        + ": without it the ride would be a real player's, paid and counted");
            }
        }
        chromium = new Chromium();
    }

    @AfterAll
    static void stopEverything() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
        if (vendor != null) {
            vendor.close();
        }
    }

    @Test
    void theDeployedSiteServesItsPagesAndAMarkedRideOnOffline() {
        Page page = chromium.newPlayer(true, Map.of("X-Liminal-Smoke", token));
        List<String> browserErrors = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                browserErrors.add(message.text());
            }
        });
        page.onPageError(browserErrors::add);
        Chromium.screenshotOnFailure(page, "smoke", () -> {
            // the health checks answer, and so does the landing page with its stylesheet
            APIResponse ready = page.request().get(base + "/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            page.navigate(base + "/");
            assertThat(page.locator("h1")).isVisible();
            assertThat(page.evaluate("() => [...document.styleSheets].some(s => s.cssRules.length > 0)"))
                    .as("the stylesheet loaded")
                    .isEqualTo(true);

            // a ride boards twice (past a 1-an-hour limit locally: smoke rides pass the limits) and moves on
            for (int ride = 0; ride < 2; ride++) {
                page.navigate(base + "/");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Board the train"))
                        .click();
                page.waitForURL("**/stories/*");
            }
            for (int stop = 1;
                    stop <= STOPS_TO_PLAY && page.locator("article.stop.ending").count() == 0;
                    stop++) {
                page.locator("form.choices button.choice").first().click();
                assertThat(page.locator("#journey article.stop")).hasCount(stop + 1);
            }

            // an unknown path is the site's own 404 page
            Page missing = page.context().newPage();
            assertThat(missing.navigate(base + "/no-such-platform").status()).isEqualTo(404);
            assertThat(missing.locator("main")).isVisible();
        });
        assertThat(browserErrors).as("console errors and CSP violations").isEmpty();
        if (vendor != null) {
            assertThat(vendor.requests())
                    .as("smoke rides never reach a paid vendor")
                    .isEmpty();
        }
    }
}
