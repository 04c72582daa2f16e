package com.liminaltransit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.liminaltransit.testing.ServerProcess;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The players' pages in Japanese, in Chromium against the packaged server, with JavaScript on and off: a browser
 * that asks for Japanese gets Japanese pages ({@code <html lang="ja">}); the offline storyteller's English (no
 * Amazon Translate here) is marked {@code lang="en"} and the ride says so once; axe-core (WCAG 2.2 AA) finds nothing
 * on the landing page, a ride, a stop after a choice, the map and a 404; and the plain language switch in the footer
 * brings the player back to the same page in Spanish.
 */
class LanguagesInBrowserE2EIT {

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

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void aJapanesePlayerRidesInJapanesePagesThatPassAxeAndSwitchesToSpanish(boolean javaScript) {
        // given a browser whose language is Japanese
        Page page = chromium.newPlayer(new Browser.NewContextOptions()
                .setJavaScriptEnabled(javaScript)
                .setViewportSize(390, 844)
                .setLocale("ja-JP"));
        String mode = javaScript ? "JavaScript on" : "JavaScript off";
        Chromium.screenshotOnFailure(page, "languages-" + (javaScript ? "js-on" : "js-off"), () -> {
            // when they read the platform
            page.navigate(base + "/");

            // then it is Japanese, and passes axe
            assertThat(page.locator("html")).hasAttribute("lang", "ja");
            assertThat(page.locator("h1")).hasText("ゼロ番線");
            assertMeasured(Axe.assertNoViolations(page, "the Japanese landing page, " + mode));

            // and the ride it boards is Japanese around the offline storyteller's English, marked as such
            page.locator("form[action='/stories'] button").click();
            page.waitForURL("**/stories/*");
            assertThat(page.locator("html")).hasAttribute("lang", "ja");
            assertThat(page.locator("#journey .passage").first()).hasAttribute("lang", "en");
            assertThat(page.locator(".untranslated")).hasCount(1);
            assertMeasured(Axe.assertNoViolations(page, "a Japanese ride, " + mode));
            String ride = page.url().replaceAll("#.*$", "");

            // and a choice brings the next stop, still passing axe
            page.locator("form.choices button.choice").first().click();
            assertThat(page.locator("#journey article.stop")).hasCount(2);
            assertThat(page.locator(".untranslated")).hasCount(1);
            assertMeasured(Axe.assertNoViolations(page, "a Japanese ride after a choice, " + mode));

            page.navigate(ride + "/map");
            assertThat(page.locator("html")).hasAttribute("lang", "ja");
            assertMeasured(Axe.assertNoViolations(page, "the Japanese map, " + mode));

            page.navigate(base + "/stories/" + UUID.randomUUID());
            assertThat(page.locator(".problem")).hasAttribute("data-status", "404");
            assertThat(page.locator("html")).hasAttribute("lang", "ja");
            assertMeasured(Axe.assertNoViolations(page, "a Japanese 404 page, " + mode));

            // when they switch to Spanish with the plain form in the footer, on the ride's page
            page.navigate(ride);
            page.locator("#language-switch").selectOption("es");
            page.locator("form.languages button[type=submit]").click();

            // then they are back on that page, in Spanish (the assertion waits for the new page)
            assertThat(page.locator("html")).hasAttribute("lang", "es");
            assertThat(page.locator("#ride-title")).hasText("A bordo del tren nocturno");
            assertThat(page.url()).startsWith(ride);
            assertMeasured(Axe.assertNoViolations(page, "the ride in Spanish, " + mode));
        });
    }

    /** Every text's contrast was measured, none left undecided. */
    private static void assertMeasured(AxeResults results) {
        assertThat(results.getIncomplete())
                .extracting(Rule::getId)
                .as("rules axe could not decide on %s", results.getUrl())
                .doesNotContain("color-contrast", "color-contrast-enhanced");
    }
}
